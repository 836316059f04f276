/**
 * Mail adapter of the meetings module: meetings written as RFC 5545 iCalendar (ical4j) and sent over SMTP as
 * the invitations calendar clients understand.
 */
@NullMarked
package com.orbitcrm.meetings.mail;

import org.jspecify.annotations.NullMarked;
