package com.orbitcrm.meetings.port;

import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.tenancy.TenantId;
import java.time.Instant;

/**
 * Secondary port: a persistent schedule, shared by every instance of the app, that calls the reminders use
 * case for a meeting at a time ({@code MeetingReminders#deliver}). Made for several instances on one
 * database: each armed reminder runs on one instance, and one armed before a restart still runs after it.
 */
public interface ReminderSchedule {

  /** Arms the meeting's reminder at {@code at}, replacing one armed before; a past time runs at once. */
  void arm(TenantId tenant, MeetingId meeting, Instant at);

  /** Disarms it, if it is armed. */
  void disarm(TenantId tenant, MeetingId meeting);
}
