package com.orbitcrm.platform.web;

import java.util.UUID;
import org.springframework.ui.Model;

/**
 * A section another module contributes to an entity's detail page (the client page's Deals,
 * Timeline, Notes and Meetings): the page owner renders {@code template :: fragment} for each
 * section of its entity type, in {@link #order()}, after {@link #populate} has filled the model.
 * The clients page knows nothing of deals; the deals module knows nothing of the clients page.
 */
public interface EntitySection {

  /** {@code client} or {@code deal}. */
  String entityType();

  int order();

  String template();

  String fragment();

  /** Adds what the fragment reads to the model, for the entity {@code entityId} of the current workspace. */
  void populate(UUID entityId, Model model);
}
