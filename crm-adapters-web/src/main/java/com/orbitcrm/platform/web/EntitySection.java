package com.orbitcrm.platform.web;

import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordType;
import org.springframework.ui.Model;

/**
 * A section another module contributes to a record's page (the client page's Deals, Timeline, Notes and
 * Meetings; the deal modal's Notes and Timeline): the page renders {@code template :: fragment} for each
 * section that applies to its record type, in {@link #order()}, after {@link #populate} has filled the
 * model. The clients page knows nothing of deals; the deals module knows nothing of the clients page; a
 * section that applies to any record type shows on a new type's page without a change.
 */
public interface EntitySection {

  /** Whether this section belongs on the pages of records of {@code type}. */
  boolean appliesTo(RecordType type);

  int order();

  String template();

  String fragment();

  /** Adds what the fragment reads to the model, for the record {@code record} of the current workspace. */
  void populate(RecordRef record, Model model);
}
