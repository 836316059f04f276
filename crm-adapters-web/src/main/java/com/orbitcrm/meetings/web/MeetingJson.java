package com.orbitcrm.meetings.web;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingAttendee;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A meeting as the API shows it: the original spec's fields and names ({@code startTime}, {@code timezone},
 * {@code locationType}, {@code attendees} as {@code {email, name, status}}, {@code entityType}/{@code entityId},
 * {@code dealId}, {@code reminderMinutes}, {@code reminderSent}, {@code notes}, {@code outcome}), plus the
 * {@code version} a change must name and the iCalendar {@code sequence}.
 */
record MeetingJson(String id, String title, @Nullable String description, Instant startTime, Instant endTime,
                   String timezone, String locationType, @Nullable String location, @Nullable String meetingUrl,
                   @Nullable String organizerId, List<AttendeeJson> attendees, @Nullable String entityType,
                   @Nullable String entityId, @Nullable String dealId, String status, @Nullable Integer reminderMinutes,
                   boolean reminderSent, @Nullable String notes, @Nullable String outcome, int sequence,
                   @Nullable String createdBy, Instant createdAt, Instant updatedAt, int version) {

  record AttendeeJson(String email, @Nullable String name, String status, @Nullable Instant respondedAt) {
    static AttendeeJson of(MeetingAttendee a) {
      return new AttendeeJson(a.email().value(), a.name(), a.status().key(), a.respondedAt());
    }
  }

  static MeetingJson of(Meeting m) {
    var d = m.details();
    return new MeetingJson(m.id().toString(), d.title(), d.description(), d.start(), d.end(), d.zone().getId(),
        d.locationType().key(), d.location(), d.meetingUrl(), m.organizer() == null ? null : m.organizer().toString(),
        d.attendees().stream().map(AttendeeJson::of).toList(),
        m.entity() == null ? null : m.entity().type().key(), m.entity() == null ? null : m.entity().id().toString(),
        m.dealId() == null ? null : m.dealId().toString(), m.status().key(), d.reminderMinutes(), m.reminderSent(),
        d.notes(), d.outcome(), m.sequence(), m.createdBy() == null ? null : m.createdBy().toString(), m.createdAt(),
        m.updatedAt(), m.version());
  }
}
