/**
 * The meetings' persistent reminder schedule (db-scheduler on the application's database): one execution per
 * meeting in {@code scheduled_tasks}, shared by every instance of the app, run by the reminders use case.
 */
@NullMarked
package com.orbitcrm.meetings.schedule;

import org.jspecify.annotations.NullMarked;
