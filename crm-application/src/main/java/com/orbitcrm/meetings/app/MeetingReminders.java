package com.orbitcrm.meetings.app;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingAttendee;
import com.orbitcrm.meetings.MeetingChanged;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.MeetingQuery;
import com.orbitcrm.meetings.port.MeetingMail;
import com.orbitcrm.meetings.port.Meetings;
import com.orbitcrm.meetings.port.ReminderSchedule;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.app.MemberService;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders: armed in the persistent {@link ReminderSchedule} whenever a meeting changes (so a moved meeting
 * is reminded at its new time, a cancelled one not at all), and delivered <em>once</em>. Delivery locks the
 * meeting's row, checks that the reminder is still due and unsent, sends it to the organizer and to every
 * attendee who has not declined, and marks it sent in the same transaction: a second instance that runs
 * the same reminder waits for the lock and then finds it sent. Every reminder also shows in the app's
 * notifications of the people it concerns, with or without a mail server.
 */
@Component
public class MeetingReminders {

  private static final Log log = LogFactory.getLog(MeetingReminders.class);

  private final Meetings meetings;
  private final ReminderSchedule schedule;
  private final MeetingMail mail;
  private final MeetingMessages messages;
  private final MemberService members;
  private final TransactionTemplate transactions;
  private final Clock clock;

  MeetingReminders(Meetings meetings, ReminderSchedule schedule, MeetingMail mail, MeetingMessages messages,
                   MemberService members, PlatformTransactionManager transactions, Clock clock) {
    this.meetings = meetings;
    this.schedule = schedule;
    this.mail = mail;
    this.messages = messages;
    this.members = members;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * Re-arms (or disarms) the reminder of a meeting after every change. The row is locked while it is read
   * and armed: of two quick changes, the listener of the older one cannot arm last with what it read.
   */
  @ApplicationModuleListener
  void on(MeetingChanged event) {
    Optional<Meeting> found = meetings.lock(event.tenant(), event.meeting());
    if (found.isPresent() && found.get().reminderPending() && !found.get().isOver(clock.instant())) {
      schedule.arm(event.tenant(), event.meeting(), found.get().reminderAt().orElseThrow());
    } else {
      schedule.disarm(event.tenant(), event.meeting());
    }
  }

  /**
   * Sends the meeting's reminder if it is due and was not sent; called by the schedule (any instance, any
   * number of times). Answers whether this call sent it.
   */
  public boolean deliver(TenantId tenant, MeetingId meeting) {
    return TenantContext.callAs(TenantContext.Scope.system(tenant), () -> Boolean.TRUE.equals(
        transactions.execute(status -> deliverLocked(tenant, meeting))));
  }

  private boolean deliverLocked(TenantId tenant, MeetingId id) {
    Optional<Meeting> locked = meetings.lock(tenant, id);
    Instant now = clock.instant();
    if (locked.isEmpty() || !locked.get().reminderDue(now)) {
      return false; // sent by another instance, moved, cancelled, deleted or over
    }
    Meeting m = locked.get();
    Optional<Member> organizer = messages.organizer(m);
    var recipients = recipients(m, organizer);
    if (mail.enabled()) {
      EmailAddress organizerEmail = organizer.map(Member::email).orElse(null);
      for (var recipient : recipients.entrySet()) {
        mail.send(messages.reminder(m, organizer, recipient.getValue(), recipient.getKey().equals(organizerEmail)));
      }
    }
    meetings.markReminded(tenant, id, now);
    log.info("Reminder of meeting " + id + " in workspace " + tenant + (mail.enabled()
        ? " sent to " + recipients.size() + " people" : " shown in the app (no mail server configured)"));
    return true;
  }

  /** The organizer, then every attendee who has not declined; each address once. */
  private static LinkedHashMap<EmailAddress, MeetingMail.Recipient> recipients(Meeting m, Optional<Member> organizer) {
    var to = new LinkedHashMap<EmailAddress, MeetingMail.Recipient>();
    organizer.ifPresent(o -> to.put(o.email(), new MeetingMail.Recipient(o.email(), o.name())));
    for (MeetingAttendee a : m.details().attendees()) {
      if (a.getsReminder()) {
        to.putIfAbsent(a.email(), new MeetingMail.Recipient(a.email(), a.name()));
      }
    }
    return to;
  }

  /** The current user's notifications: the meetings they were reminded of, latest first. */
  @Transactional(readOnly = true)
  public List<Meeting> notifications(int limit) {
    var scope = TenantContext.require();
    Member me = members.member(scope.requireUser());
    return meetings.remindedFor(scope.tenant(), new MeetingQuery.Participant(me.user(), me.email()), limit);
  }
}
