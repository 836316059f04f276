package com.orbitcrm.clients;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of clients, and where the next one starts ({@literal null} on the last page). */
public record ClientPage(List<Client> items, @Nullable ClientCursor next) {}
