package com.orbitcrm.meetings.app;

import org.jspecify.annotations.Nullable;

/**
 * Who organizes a meeting and what it is about, as typed (ids in a form or a body): the organizer (a
 * member; the one who schedules when absent), the record ({@code entityType} + {@code entityId}) and the
 * deal it serves ({@code dealId}; a meeting about a deal serves that deal).
 */
public record MeetingLinks(@Nullable String organizerId, @Nullable String entityType, @Nullable String entityId,
                           @Nullable String dealId) {

  public static final MeetingLinks NONE = new MeetingLinks(null, null, null, null);
}
