package com.orbitcrm.meetings;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A meeting of the workspace: its {@link MeetingDetails}, who organizes it, the record it is about (a client
 * or a deal, and the deal it serves), where it stands, its reminder and its iCalendar {@code SEQUENCE}.
 *
 * <p>The rules of its life live here. Moving a live meeting marks it rescheduled, bumps the sequence and
 * re-arms the reminder; any other change an invitee would notice bumps the sequence too; completing records
 * notes and an outcome; cancelling ends it and bumps the sequence (the cancellation is an update of the same
 * event). A completed or cancelled meeting is history: it cannot be moved. Attendees keep their own answers
 * across edits; only they change them ({@link #answer}).
 *
 * @param reminderSent whether the reminder for the current times went out; cleared when the meeting moves.
 * @param remindedAt when it went out.
 * @param sequence the iCalendar SEQUENCE of the invitation attendees hold.
 */
public record Meeting(MeetingId id, TenantId tenant, MeetingDetails details, @Nullable UserId organizer,
                      @Nullable RecordRef entity, @Nullable UUID dealId, MeetingStatus status, boolean reminderSent,
                      @Nullable Instant remindedAt, int sequence, @Nullable UserId createdBy, Instant createdAt,
                      Instant updatedAt, int version) {

  public static final RecordType RECORD_TYPE = new RecordType("meeting");

  public Meeting {
    Objects.requireNonNull(id);
    Objects.requireNonNull(tenant);
    Objects.requireNonNull(details);
    Objects.requireNonNull(status);
  }

  /** A new meeting, as its organizer schedules it. */
  public static Meeting schedule(MeetingId id, TenantId tenant, MeetingDetails details, @Nullable UserId organizer,
                                 @Nullable RecordRef entity, @Nullable UUID dealId, @Nullable UserId by, Instant now) {
    return new Meeting(id, tenant, details, organizer, entity, dealId, MeetingStatus.SCHEDULED, false, null, 0, by,
        now, now, 0);
  }

  /** What a change did, for those who tell others about it (invitations, the timeline). */
  public enum Change { SCHEDULED, RESCHEDULED, UPDATED, COMPLETED, CANCELLED, DELETED, NONE }

  /** A meeting after a change and what kind of change it was. */
  public record Revision(Meeting meeting, Change change) {}

  /**
   * The meeting with new details (and links). Existing attendees keep their answers.
   *
   * @throws InvalidInputException when a completed or cancelled meeting would move.
   */
  public Revision revise(MeetingDetails next, @Nullable UserId newOrganizer, @Nullable RecordRef newEntity,
                         @Nullable UUID newDealId, Instant now) {
    var answers = new HashMap<EmailAddress, MeetingAttendee>();
    details.attendees().forEach(a -> answers.put(a.email(), a));
    var kept = new ArrayList<MeetingAttendee>();
    for (MeetingAttendee a : next.attendees()) {
      MeetingAttendee before = answers.get(a.email());
      kept.add(before == null ? a : new MeetingAttendee(a.email(), a.name(), before.status(), before.respondedAt()));
    }
    next = next.withAttendees(kept);
    boolean moved = !next.start().equals(details.start()) || !next.end().equals(details.end());
    if (moved && !status.isLive()) {
      throw InvalidInputException.of("startTime", "a " + status.key() + " meeting cannot be moved; schedule a new one");
    }
    boolean reminderChanged = !Objects.equals(next.reminderMinutes(), details.reminderMinutes());
    boolean noticed = details.invitationDiffers(next);
    MeetingStatus nextStatus = moved ? MeetingStatus.RESCHEDULED : status;
    boolean rearm = moved || reminderChanged;
    var revised = new Meeting(id, tenant, next, newOrganizer, newEntity, newDealId, nextStatus,
        rearm ? false : reminderSent, rearm ? null : remindedAt, noticed ? sequence + 1 : sequence, createdBy, createdAt,
        now, version);
    // Only what attendees notice is told (and recorded on the timeline); a new reminder or link is not.
    Change change = moved ? Change.RESCHEDULED : noticed ? Change.UPDATED : Change.NONE;
    return new Revision(revised, change);
  }

  /** Moves the meeting, keeping its length's meaning to the caller (a drag on the calendar). */
  public Revision move(Instant newStart, Instant newEnd, Instant now) {
    return revise(details.at(newStart, newEnd), organizer, entity, dealId, now);
  }

  /** Marks it held, with what was said and decided; a completed meeting may have its notes corrected. */
  public Meeting complete(@Nullable String notes, @Nullable String outcome, Instant now) {
    if (status == MeetingStatus.CANCELLED) {
      throw new ConflictException("This meeting was cancelled; it cannot be completed");
    }
    return new Meeting(id, tenant, details.withWrapUp(notes, outcome), organizer, entity, dealId,
        MeetingStatus.COMPLETED, reminderSent, remindedAt, sequence, createdBy, createdAt, now, version);
  }

  /** Calls it off: attendees get a cancellation of the same event (a newer sequence). */
  public Meeting cancel(Instant now) {
    if (!status.isLive()) {
      throw new ConflictException("This meeting is " + status.key() + "; only a scheduled meeting can be cancelled");
    }
    return new Meeting(id, tenant, details, organizer, entity, dealId, MeetingStatus.CANCELLED, reminderSent,
        remindedAt, sequence + 1, createdBy, createdAt, now, version);
  }

  public Optional<MeetingAttendee> attendee(EmailAddress email) {
    return details.attendees().stream().filter(a -> a.email().equals(email)).findFirst();
  }

  /** An attendee's answer. @throws NotFoundException when {@code email} is not invited. */
  public Meeting answer(EmailAddress email, Rsvp answer, Instant now) {
    if (attendee(email).isEmpty()) {
      throw new NotFoundException("Attendee");
    }
    var answered = details.attendees().stream()
        .map(a -> a.email().equals(email) ? a.answer(answer, now) : a).toList();
    return new Meeting(id, tenant, details.withAttendees(answered), organizer, entity, dealId, status, reminderSent,
        remindedAt, sequence, createdBy, createdAt, now, version);
  }

  /** When the reminder is due; empty when the meeting has none. */
  public Optional<Instant> reminderAt() {
    Integer minutes = details.reminderMinutes();
    return minutes == null ? Optional.empty() : Optional.of(details.start().minusSeconds(60L * minutes));
  }

  /** Whether a reminder is still to go out for it: live, with a reminder, not sent, not over. */
  public boolean reminderPending() {
    return status.isLive() && details.reminderMinutes() != null && !reminderSent;
  }

  /** Whether the reminder should go out at {@code now}: pending, due, and the meeting has not ended. */
  public boolean reminderDue(Instant now) {
    return reminderPending() && !now.isBefore(reminderAt().orElseThrow()) && now.isBefore(details.end());
  }

  public Meeting reminded(Instant now) {
    return new Meeting(id, tenant, details, organizer, entity, dealId, status, true, now, sequence, createdBy,
        createdAt, updatedAt, version);
  }

  public boolean isOver(Instant now) {
    return !now.isBefore(details.end());
  }
}
