package com.orbitcrm.meetings.schedule;

import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.tenancy.TenantId;
import java.time.Instant;
import java.util.Optional;

/** What a reminder execution does, seen from the schedule: the reminders use case (MeetingReminderDelivery). */
interface ReminderDelivery {

  /** Sends the meeting's reminder if it is due and was not sent yet; answers whether this call sent it. */
  boolean deliver(TenantId tenant, MeetingId meeting);

  /**
   * When the meeting's reminder is due, if it is still to go out and not due yet. Asked after a delivery that
   * sent nothing: the execution then moves itself to that time, so a reminder re-armed while its old time was
   * being delivered (which the schedule cannot change while it runs), or armed from a stale reading of the
   * meeting, still goes out at the meeting's time.
   */
  Optional<Instant> dueLater(TenantId tenant, MeetingId meeting);
}
