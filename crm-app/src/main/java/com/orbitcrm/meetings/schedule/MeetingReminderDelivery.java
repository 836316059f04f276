package com.orbitcrm.meetings.schedule;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.app.MeetingReminders;
import com.orbitcrm.meetings.port.Meetings;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminders use case behind the schedule: {@link MeetingReminders#deliver} sends (once, under the
 * meeting's row lock); the meeting, read in its workspace, says whether a reminder is still to come.
 */
final class MeetingReminderDelivery implements ReminderDelivery {

  private final ObjectProvider<MeetingReminders> reminders;
  private final Meetings meetings;
  private final TransactionTemplate reads;
  private final Clock clock;

  /** @param reminders the use case, found when first needed (it depends on the schedule this delivery serves). */
  MeetingReminderDelivery(ObjectProvider<MeetingReminders> reminders, Meetings meetings,
                          PlatformTransactionManager transactions, Clock clock) {
    this.reminders = reminders;
    this.meetings = meetings;
    this.reads = new TransactionTemplate(transactions);
    this.reads.setReadOnly(true);
    this.clock = clock;
  }

  @Override
  public boolean deliver(TenantId tenant, MeetingId meeting) {
    return reminders.getObject().deliver(tenant, meeting);
  }

  @Override
  public Optional<Instant> dueLater(TenantId tenant, MeetingId meeting) {
    Instant now = clock.instant();
    Optional<Meeting> found = TenantContext.callAs(TenantContext.Scope.system(tenant),
        () -> reads.execute(status -> meetings.find(tenant, meeting)));
    // The rule MeetingReminders applies when it arms: pending and the meeting not over.
    return found == null ? Optional.empty() : found
        .filter(m -> m.reminderPending() && !m.isOver(now))
        .flatMap(Meeting::reminderAt)
        .filter(now::isBefore);
  }
}
