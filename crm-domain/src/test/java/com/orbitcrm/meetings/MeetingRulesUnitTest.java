package com.orbitcrm.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A meeting's fields as typed, and the rules of its life: moving, completing, cancelling, answers, reminders. */
class MeetingRulesUnitTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  static MeetingDraft draft(String start, String end) {
    return MeetingDraft.blank().withTitle("Kick-off").withTimes(start, end);
  }

  static List<String> fields(MeetingDraft d) {
    try {
      MeetingDetails.from(d, NEW_YORK);
      return List.of();
    } catch (InvalidInputException e) {
      return e.violations().stream().map(FieldViolation::field).toList();
    }
  }

  static Meeting meeting(MeetingDraft d) {
    return Meeting.schedule(MeetingId.random(), new TenantId(UUID.randomUUID()), MeetingDetails.from(d, NEW_YORK),
        new UserId(UUID.randomUUID()), null, null, null, NOW);
  }

  @Test
  void aLocalTimeIsReadInTheMeetingsZoneAndAnOffsetTimeAsIs() {
    var local = MeetingDetails.from(draft("2026-12-03T09:00", "2026-12-03T09:30"), NEW_YORK);
    assertThat(local.start()).isEqualTo(Instant.parse("2026-12-03T14:00:00Z"));
    assertThat(local.zone()).isEqualTo(NEW_YORK);
    var paris = MeetingDetails.from(draft("2026-12-03T09:00", "2026-12-03T10:00").withTimezone("Europe/Paris"), NEW_YORK);
    assertThat(paris.start()).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
    var offset = MeetingDetails.from(draft("2026-12-03T09:00:00+01:00", "2026-12-03T10:00:00Z"), NEW_YORK);
    assertThat(offset.start()).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
    assertThat(offset.duration()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void onTheNightTheClocksGoBackHalfPastOneIsTheFirstOne() {
    // 2026-11-01 in New York: 01:30 happens at EDT (-4) and again at EST (-5); a typed local time means the first.
    var d = MeetingDetails.from(draft("2026-11-01T01:30", "2026-11-01T02:30"), NEW_YORK);
    assertThat(d.start()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    assertThat(d.duration()).isEqualTo(Duration.ofHours(2)); // 01:30 EDT → 02:30 EST
  }

  @Test
  void everyWrongFieldIsNamed() {
    var wrong = new MeetingDraft(" ", null, "tomorrow", "2026-12-03T10:00Z", "Mars/Olympus", "video", null,
        "ftp://x.example", List.of(new MeetingDraft.AttendeeDraft("not-an-address", null, "maybe"),
            new MeetingDraft.AttendeeDraft(null, "Nameless", null)), "-5", null, "x".repeat(256));
    assertThat(fields(wrong)).containsExactlyInAnyOrder("title", "startTime", "timezone", "locationType", "meetingUrl",
        "attendees[0].email", "attendees[0].status", "attendees[1].email", "reminderMinutes", "outcome");
    assertThat(fields(draft("2026-12-03T10:00Z", "2026-12-03T10:00Z"))).containsExactly("endTime");
    assertThat(fields(draft("2026-12-03T10:00Z", "2026-12-18T10:00Z"))).containsExactly("endTime");
    assertThat(fields(draft("2026-12-03T10:00Z", "2026-12-17T10:00Z"))).isEmpty();
    assertThat(fields(draft("2026-12-03T10:00Z", "2026-12-03T11:00Z").withTimezone("+02:00"))).containsExactly("timezone");
  }

  @Test
  void anAddressIsInvitedOnceAndNormalised() {
    var d = MeetingDetails.from(draft("2026-12-03T10:00Z", "2026-12-03T11:00Z").withAttendees(List.of(
        new MeetingDraft.AttendeeDraft("Ada@Example.COM", "Ada", null),
        new MeetingDraft.AttendeeDraft("ada@example.com", null, "accepted"))), NEW_YORK);
    assertThat(d.attendees()).singleElement().satisfies(a -> {
      assertThat(a.email().value()).isEqualTo("ada@example.com");
      assertThat(a.name()).isEqualTo("Ada");
    });
  }

  @Test
  void movingALiveMeetingReschedulesItBumpsTheSequenceAndReArmsTheReminder() {
    Meeting m = meeting(draft("2026-12-03T10:00Z", "2026-12-03T11:00Z"));
    assertThat(m.reminderAt()).contains(Instant.parse("2026-12-03T09:45:00Z"));
    Meeting reminded = m.reminded(Instant.parse("2026-12-03T09:45:00Z"));
    assertThat(reminded.reminderPending()).isFalse();

    var moved = reminded.move(Instant.parse("2026-12-04T10:00:00Z"), Instant.parse("2026-12-04T11:00:00Z"), NOW);
    assertThat(moved.change()).isEqualTo(Meeting.Change.RESCHEDULED);
    assertThat(moved.meeting().status()).isEqualTo(MeetingStatus.RESCHEDULED);
    assertThat(moved.meeting().sequence()).isEqualTo(1);
    assertThat(moved.meeting().reminderPending()).isTrue();
    assertThat(moved.meeting().reminderAt()).contains(Instant.parse("2026-12-04T09:45:00Z"));
  }

  @Test
  void onlyWhatAttendeesNoticeIsAnUpdate() {
    Meeting m = meeting(draft("2026-12-03T10:00Z", "2026-12-03T11:00Z"));
    var notes = m.revise(m.details().withWrapUp("agenda sent", null), m.organizer(), null, null, NOW);
    assertThat(notes.change()).isEqualTo(Meeting.Change.NONE);
    assertThat(notes.meeting().sequence()).isZero();
    var retitled = m.revise(MeetingDetails.from(MeetingDraft.of(m.details()).withTitle("Kick-off (v2)"), NEW_YORK),
        m.organizer(), null, null, NOW);
    assertThat(retitled.change()).isEqualTo(Meeting.Change.UPDATED);
    assertThat(retitled.meeting().sequence()).isEqualTo(1);
    assertThat(retitled.meeting().status()).isEqualTo(MeetingStatus.SCHEDULED);
  }

  @Test
  void attendeesKeepTheirAnswersAcrossEditsAndOnlyInviteesAnswer() {
    var ada = new EmailAddress("ada@example.com");
    Meeting m = meeting(draft("2026-12-03T10:00Z", "2026-12-03T11:00Z")
        .withAttendees(List.of(new MeetingDraft.AttendeeDraft("ada@example.com", "Ada", null))));
    Meeting answered = m.answer(ada, Rsvp.DECLINED, NOW);
    assertThat(answered.attendee(ada).orElseThrow().status()).isEqualTo(Rsvp.DECLINED);
    assertThat(answered.attendee(ada).orElseThrow().getsReminder()).isFalse();

    var edited = answered.revise(MeetingDetails.from(MeetingDraft.of(answered.details()).withAttendees(List.of(
        new MeetingDraft.AttendeeDraft("ada@example.com", "Ada L.", "accepted"),
        new MeetingDraft.AttendeeDraft("bob@example.com", null, null))), NEW_YORK), m.organizer(), null, null, NOW);
    assertThat(edited.meeting().attendee(ada).orElseThrow().status()).isEqualTo(Rsvp.DECLINED);
    assertThat(edited.meeting().attendee(new EmailAddress("bob@example.com")).orElseThrow().status())
        .isEqualTo(Rsvp.PENDING);
    assertThatThrownBy(() -> m.answer(new EmailAddress("eve@example.com"), Rsvp.ACCEPTED, NOW))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void historyCannotMoveAndOnlyALiveMeetingIsCancelled() {
    Meeting m = meeting(draft("2026-12-03T10:00Z", "2026-12-03T11:00Z"));
    Meeting done = m.complete("Went well", "Proposal requested", NOW);
    assertThat(done.status()).isEqualTo(MeetingStatus.COMPLETED);
    assertThat(done.details().outcome()).isEqualTo("Proposal requested");
    assertThat(done.reminderPending()).isFalse();
    assertThatThrownBy(() -> done.move(NOW, NOW.plusSeconds(60), NOW)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> done.cancel(NOW)).isInstanceOf(ConflictException.class);

    Meeting cancelled = m.cancel(NOW);
    assertThat(cancelled.status()).isEqualTo(MeetingStatus.CANCELLED);
    assertThat(cancelled.sequence()).isEqualTo(1);
    assertThatThrownBy(() -> cancelled.complete(null, null, NOW)).isInstanceOf(ConflictException.class);
  }

  @Test
  void aReminderIsDueFromItsTimeUntilTheMeetingEnds() {
    Meeting m = meeting(draft("2026-12-03T10:00Z", "2026-12-03T11:00Z").withReminderMinutes("30"));
    assertThat(m.reminderDue(Instant.parse("2026-12-03T09:29:59Z"))).isFalse();
    assertThat(m.reminderDue(Instant.parse("2026-12-03T09:30:00Z"))).isTrue();
    assertThat(m.reminderDue(Instant.parse("2026-12-03T10:59:59Z"))).isTrue();
    assertThat(m.reminderDue(Instant.parse("2026-12-03T11:00:00Z"))).isFalse();
    Meeting none = meeting(draft("2026-12-03T10:00Z", "2026-12-03T11:00Z").withReminderMinutes(null));
    assertThat(none.reminderAt()).isEmpty();
    assertThat(none.reminderDue(Instant.parse("2026-12-03T10:30:00Z"))).isFalse();
  }

  @Test
  void aCursorRoundTripsAndRefusesOthers() {
    var c = new MeetingCursor(Instant.parse("2026-12-03T10:00:00Z"), UUID.randomUUID());
    assertThat(MeetingCursor.decode(c.encode())).contains(c);
    assertThat(MeetingCursor.decode("bm90IGEgY3Vyc29y")).isEmpty();
    assertThat(MeetingCursor.decode("%%%")).isEmpty();
  }

  @Test
  void aRangeMatchesTheMeetingsThatOverlapItAndItsIndexBoundCoversTheLongest() {
    var from = Instant.parse("2026-12-07T00:00:00Z");
    var q = MeetingQuery.range(from, from.plus(Duration.ofDays(7)), 100);
    Meeting longest = meeting(draft(from.minus(MeetingDetails.MAX_DURATION).plusSeconds(60).toString(),
        from.plusSeconds(60).toString()));
    assertThat(q.matches(longest)).isTrue();
    assertThat(longest.details().start()).isAfterOrEqualTo(q.earliestStart());
    assertThat(q.matches(meeting(draft(from.minusSeconds(3600).toString(), from.toString())))).isFalse();
    assertThat(q.matches(meeting(draft(from.plus(Duration.ofDays(7)).toString(),
        from.plus(Duration.ofDays(7)).plusSeconds(60).toString())))).isFalse();
  }
}
