package com.orbitcrm.meetings;

import com.orbitcrm.platform.EmailAddress;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Someone invited to a meeting: an e-mail address (how they are reached and how they answer), a name if
 * known, and their answer.
 */
public record MeetingAttendee(EmailAddress email, @Nullable String name, Rsvp status, @Nullable Instant respondedAt) {

  public static final int MAX_NAME = 255;

  public MeetingAttendee {
    Objects.requireNonNull(email);
    Objects.requireNonNull(status);
  }

  public static MeetingAttendee invited(EmailAddress email, @Nullable String name) {
    return new MeetingAttendee(email, name, Rsvp.PENDING, null);
  }

  public MeetingAttendee answer(Rsvp answer, Instant at) {
    return new MeetingAttendee(email, name, answer, at);
  }

  /** The name, or the address when there is none. */
  public String displayName() {
    return name == null ? email.value() : name;
  }

  /** Whether a reminder goes to them: everyone who has not declined. */
  public boolean getsReminder() {
    return status != Rsvp.DECLINED;
  }
}
