/**
 * Meetings with attendees and their answers, reminders and calendar export.
 */
@NullMarked
package com.orbitcrm.meetings;

import org.jspecify.annotations.NullMarked;
