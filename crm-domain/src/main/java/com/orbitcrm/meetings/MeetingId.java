package com.orbitcrm.meetings;

import java.util.Objects;
import java.util.UUID;

/** The id of a meeting. */
public record MeetingId(UUID value) {

  public MeetingId {
    Objects.requireNonNull(value, "meeting id must not be null");
  }

  public static MeetingId random() {
    return new MeetingId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
