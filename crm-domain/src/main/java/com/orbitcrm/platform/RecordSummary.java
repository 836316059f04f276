package com.orbitcrm.platform;

import java.util.Objects;

/**
 * What another module may know of a record it points at: that it exists (live, in the current
 * workspace), what to call it and where it is shown.
 *
 * @param label e.g. the client's or the deal's name.
 * @param link the path of its page, e.g. {@code /clients/…}.
 */
public record RecordSummary(RecordRef ref, String label, String link) {
  public RecordSummary {
    Objects.requireNonNull(ref);
    Objects.requireNonNull(label);
    Objects.requireNonNull(link);
  }
}
