package com.orbitcrm.meetings.port;

import com.orbitcrm.platform.EmailAddress;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Secondary port: sends a meeting's e-mails (invitations, updates, cancellations, reminders) over SMTP. When
 * no mail server is configured, {@link #enabled()} is false and nothing is sent.
 */
public interface MeetingMail {

  boolean enabled();

  /** Sends one message; throws when the server refuses it (the caller's transaction then rolls back). */
  void send(Message message);

  /** A recipient: an address and, if known, a name. */
  record Recipient(EmailAddress email, @Nullable String name) {}

  /**
   * An e-mail: plain text, optionally with an iCalendar part ({@code text/calendar; method=...}) that
   * calendar clients turn into an event.
   *
   * @param calendar RFC 5545 text, or {@literal null}.
   * @param calendarMethod {@code REQUEST}, {@code CANCEL} or {@code PUBLISH} when there is a calendar.
   */
  record Message(List<Recipient> to, @Nullable Recipient replyTo, String subject, String text,
                 @Nullable String calendar, @Nullable String calendarMethod) {
    public Message {
      to = List.copyOf(to);
      Objects.requireNonNull(subject);
      Objects.requireNonNull(text);
    }
  }
}
