package com.orbitcrm.meetings.app;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingAttendee;
import com.orbitcrm.meetings.MeetingChanged;
import com.orbitcrm.meetings.Rsvp;
import com.orbitcrm.meetings.port.MeetingMail;
import com.orbitcrm.meetings.port.Meetings;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.Member;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells attendees, after the change committed: an invitation when a meeting is scheduled, an update
 * (same UID, newer SEQUENCE) when what they see changes or it moves, a cancellation when it is cancelled
 * or a live meeting is deleted. The organizer's own address gets none. Without a mail server nothing is
 * sent (the log says how to configure one).
 */
@Component
class MeetingMailer {

  private final Meetings meetings;
  private final MeetingMail mail;
  private final MeetingMessages messages;

  MeetingMailer(Meetings meetings, MeetingMail mail, MeetingMessages messages) {
    this.meetings = meetings;
    this.mail = mail;
    this.messages = messages;
  }

  @ApplicationModuleListener
  void on(MeetingChanged event) {
    if (!mail.enabled()) {
      return;
    }
    Optional<Meeting> found = meetings.findEvenDeleted(event.tenant(), event.meeting());
    if (found.isEmpty() || found.get().sequence() != event.sequence()) {
      return; // changed again since: the later event tells the attendees
    }
    Meeting m = found.get();
    Optional<Member> organizer = messages.organizer(m);
    EmailAddress organizerEmail = organizer.map(Member::email).orElse(null);
    switch (event.change()) {
      case SCHEDULED, RESCHEDULED, UPDATED -> {
        for (MeetingAttendee a : m.details().attendees()) {
          if (!a.email().equals(organizerEmail)) {
            mail.send(messages.invitation(m, organizer, a, event.change() != Meeting.Change.SCHEDULED));
          }
        }
      }
      case CANCELLED -> cancel(m, organizer);
      case DELETED -> {
        if (event.wasLive()) {
          cancel(m, organizer);
        }
      }
      case COMPLETED, NONE -> { }
    }
  }

  private void cancel(Meeting m, Optional<Member> organizer) {
    EmailAddress organizerEmail = organizer.map(Member::email).orElse(null);
    for (MeetingAttendee a : m.details().attendees()) {
      if (!a.email().equals(organizerEmail) && a.status() != Rsvp.DECLINED) {
        mail.send(messages.cancellation(m, organizer, a));
      }
    }
  }
}
