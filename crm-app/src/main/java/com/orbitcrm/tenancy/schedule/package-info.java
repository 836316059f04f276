/**
 * The workspaces' housekeeping as recurring jobs (db-scheduler on the application's database, table
 * {@code scheduled_jobs}): each job runs on one instance at a time, however many instances there are.
 */
@NullMarked
package com.orbitcrm.tenancy.schedule;

import org.jspecify.annotations.NullMarked;
