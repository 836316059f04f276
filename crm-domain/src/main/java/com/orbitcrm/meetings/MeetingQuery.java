package com.orbitcrm.meetings;

import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which meetings of a workspace to list, in start order: those overlapping {@code [from, to)} (either bound
 * may be open), about a record, for a deal, organized by someone, in a state, or that someone takes part in
 * (organizes or is invited to); after a cursor; at most {@code limit}. {@code newestFirst} turns the order
 * round (a record's past meetings); it takes no cursor.
 */
public record MeetingQuery(@Nullable Instant from, @Nullable Instant to, @Nullable RecordRef entity,
                           @Nullable UUID dealId, @Nullable UserId organizer, @Nullable MeetingStatus status,
                           @Nullable Participant participant, @Nullable MeetingCursor after, int limit,
                           boolean newestFirst) {

  public MeetingQuery {
    if (newestFirst && after != null) {
      throw new IllegalArgumentException("a newest-first list takes no cursor");
    }
  }

  public MeetingQuery(@Nullable Instant from, @Nullable Instant to, @Nullable RecordRef entity, @Nullable UUID dealId,
                      @Nullable UserId organizer, @Nullable MeetingStatus status, @Nullable Participant participant,
                      @Nullable MeetingCursor after, int limit) {
    this(from, to, entity, dealId, organizer, status, participant, after, limit, false);
  }

  /** The same list with another page size. */
  public MeetingQuery limit(int newLimit) {
    return new MeetingQuery(from, to, entity, dealId, organizer, status, participant, after, newLimit, newestFirst);
  }

  public static final int MAX_LIMIT = 500;

  /** A person as the calendar sees them: the user (as organizer) and their address (as attendee). */
  public record Participant(UserId user, EmailAddress email) {}

  public static MeetingQuery range(Instant from, Instant to, int limit) {
    return new MeetingQuery(from, to, null, null, null, null, null, null, limit);
  }

  public MeetingQuery withParticipant(@Nullable Participant p) {
    return new MeetingQuery(from, to, entity, dealId, organizer, status, p, after, limit, newestFirst);
  }

  /**
   * The earliest start a meeting overlapping {@code from} can have: it lasts at most
   * {@link MeetingDetails#MAX_DURATION}. Lets the start-time index bound an overlap query.
   */
  public @Nullable Instant earliestStart() {
    return from == null ? null : from.minus(MeetingDetails.MAX_DURATION);
  }

  /** Whether {@code m} belongs in this list (the rule the SQL repeats; tested against it). */
  public boolean matches(Meeting m) {
    var d = m.details();
    return (from == null || d.end().isAfter(from)) && (to == null || d.start().isBefore(to))
        && (entity == null || entity.equals(m.entity())) && (dealId == null || dealId.equals(m.dealId()))
        && (organizer == null || organizer.equals(m.organizer())) && (status == null || status == m.status())
        && (participant == null || participant.user().equals(m.organizer()) || m.attendee(participant.email()).isPresent())
        && (after == null || d.start().isAfter(after.start())
            || (d.start().equals(after.start()) && m.id().value().compareTo(after.id()) > 0));
  }
}
