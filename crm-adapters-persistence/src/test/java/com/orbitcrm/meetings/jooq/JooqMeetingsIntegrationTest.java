package com.orbitcrm.meetings.jooq;

import static com.orbitcrm.testing.Plans.single;
import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingCursor;
import com.orbitcrm.meetings.MeetingDetails;
import com.orbitcrm.meetings.MeetingDraft;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.MeetingQuery;
import com.orbitcrm.meetings.MeetingStatus;
import com.orbitcrm.meetings.Rsvp;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.testing.AppRoleDatabase;
import com.orbitcrm.testing.Plans;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Meetings in PostgreSQL as the application role: attendees round-trip, a list is exactly what
 * {@link MeetingQuery#matches} selects (the SQL repeats that rule), a sent reminder is not an edit, and the
 * calendar's range and a record's meetings are index scans under row-level security.
 */
class JooqMeetingsIntegrationTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final Instant MONDAY = Instant.parse("2026-12-07T00:00:00Z");
  static final RecordRef CLIENT = new RecordRef(new RecordType("client"), UUID.randomUUID());

  static Meeting meeting(TenantId tenant, Instant start, Duration length, RecordRef about, String... emails) {
    var attendees = Arrays.stream(emails).map(e -> new MeetingDraft.AttendeeDraft(e, null, null)).toList();
    var details = MeetingDetails.from(MeetingDraft.blank().withTitle("Meeting at " + start)
        .withTimes(start.toString(), start.plus(length).toString()).withAttendees(attendees), ZONE);
    return Meeting.schedule(MeetingId.random(), tenant, details, null, about, null, null, start.minusSeconds(86_400));
  }

  @Test
  void aMeetingAndItsAttendeesRoundTripAndAReminderIsNotAnEdit() throws Exception {
    TenantId tenant = AppRoleDatabase.newWorkspace();
    Meeting m = meeting(tenant, MONDAY.plusSeconds(9 * 3600), Duration.ofMinutes(45), CLIENT, "Ada@Example.com",
        "bob@example.com");
    try (var db = AppRoleDatabase.in(tenant)) {
      var meetings = new JooqMeetings(db.dsl());
      meetings.insert(m);
      Meeting stored = meetings.find(tenant, m.id()).orElseThrow();
      assertThat(stored.details()).isEqualTo(m.details());
      assertThat(stored.entity()).isEqualTo(CLIENT);
      assertThat(stored.version()).isZero();

      Meeting answered = stored.answer(new EmailAddress("ada@example.com"), Rsvp.ACCEPTED, MONDAY);
      assertThat(meetings.update(answered)).isTrue();
      assertThat(meetings.update(answered)).as("a stale version").isFalse();
      Meeting again = meetings.find(tenant, m.id()).orElseThrow();
      assertThat(again.version()).isEqualTo(1);
      assertThat(again.details().attendees()).extracting(a -> a.email().value(), a -> a.status())
          .containsExactly(org.assertj.core.groups.Tuple.tuple("ada@example.com", Rsvp.ACCEPTED),
              org.assertj.core.groups.Tuple.tuple("bob@example.com", Rsvp.PENDING));

      meetings.markReminded(tenant, m.id(), MONDAY);
      Meeting reminded = meetings.lock(tenant, m.id()).orElseThrow();
      assertThat(reminded.reminderSent()).isTrue();
      assertThat(reminded.remindedAt()).isEqualTo(MONDAY);
      assertThat(reminded.version()).as("sending a reminder is not an edit").isEqualTo(1);

      assertThat(meetings.delete(tenant, m.id(), MONDAY)).isTrue();
      assertThat(meetings.find(tenant, m.id())).isEmpty();
      assertThat(meetings.findEvenDeleted(tenant, m.id())).isPresent();
    }
  }

  @Test
  void aListIsWhatTheQueryRuleSelectsPageByPage() throws Exception {
    TenantId tenant = AppRoleDatabase.newWorkspace();
    var all = new ArrayList<Meeting>();
    var other = new RecordRef(new RecordType("deal"), UUID.randomUUID());
    for (int i = 0; i < 60; i++) {
      // Every 5 hours over 12 days, 30 min to 3 days long; some about another record; some with Ada.
      Instant start = MONDAY.minus(Duration.ofDays(3)).plus(Duration.ofHours(5L * i));
      Duration length = Duration.ofMinutes(30 + (i % 7) * 700L);
      all.add(i % 4 == 0 ? meeting(tenant, start, length, other, "ada@example.com")
          : meeting(tenant, start, length, CLIENT));
    }
    try (var db = AppRoleDatabase.in(tenant)) {
      var meetings = new JooqMeetings(db.dsl());
      all.forEach(meetings::insert);
      var ada = new MeetingQuery.Participant(new UserId(UUID.randomUUID()), new EmailAddress("ada@example.com"));
      var queries = List.of(
          MeetingQuery.range(MONDAY, MONDAY.plus(Duration.ofDays(7)), 7),
          new MeetingQuery(MONDAY, null, CLIENT, null, null, null, null, null, 9),
          new MeetingQuery(null, MONDAY, null, null, null, MeetingStatus.SCHEDULED, ada, null, 5),
          new MeetingQuery(null, null, other, null, null, null, null, null, 50));
      for (MeetingQuery q : queries) {
        var expected = all.stream().filter(q::matches)
            .sorted((a, b) -> a.details().start().equals(b.details().start())
                ? a.id().value().compareTo(b.id().value()) : a.details().start().compareTo(b.details().start()))
            .map(Meeting::id).toList();
        var got = new ArrayList<MeetingId>();
        MeetingQuery page = q;
        while (true) {
          var items = meetings.list(tenant, page);
          items.forEach(m -> got.add(m.id()));
          if (items.size() < q.limit()) {
            break;
          }
          var last = items.getLast();
          page = new MeetingQuery(q.from(), q.to(), q.entity(), q.dealId(), q.organizer(), q.status(), q.participant(),
              new MeetingCursor(last.details().start(), last.id().value()), q.limit());
        }
        assertThat(got).as("%s", q).isNotEmpty().containsExactlyElementsOf(expected);
      }
    }
  }

  @Test
  void theCalendarsWeekAndARecordsMeetingsAreIndexScansAsTheAppRole() throws Exception {
    TenantId tenant = AppRoleDatabase.newWorkspace();
    try (var db = AppRoleDatabase.in(tenant)) {
      var meetings = new JooqMeetings(db.dsl());
      for (int i = 0; i < 3000; i++) {
        RecordRef about = i % 10 == 0 ? CLIENT : new RecordRef(new RecordType("client"), UUID.randomUUID());
        meetings.insert(meeting(tenant, MONDAY.minus(Duration.ofDays(400)).plus(Duration.ofHours(3L * i)),
            Duration.ofMinutes(45), about));
      }
    }
    Plans.analyze("crm_meetings", "crm_meeting_attendees");
    try (var db = AppRoleDatabase.in(tenant)) {
      var meetings = new JooqMeetings(db.dsl());
      db.takeStatements();
      meetings.list(tenant, MeetingQuery.range(MONDAY, MONDAY.plus(Duration.ofDays(7)), 500));
      String week = db.explain(db.takeStatements().getFirst());
      assertThat(week).as(week).contains("crm_meetings_start_idx").doesNotContain("Seq Scan");
      assertThat(week).as(week).containsPattern("Index Cond: .*start_time >=");

      meetings.list(tenant, new MeetingQuery(MONDAY, null, CLIENT, null, null, null, null, null, 5));
      String record = db.explain(db.takeStatements().getFirst());
      assertThat(record).as(record).contains("crm_meetings_entity_idx").doesNotContain("Seq Scan");
    }
  }

  @Test
  void theBellListsTheRemindersOfWhatOnesOrganizesOrAttendsLatestFirstFromIndexes() throws Exception {
    TenantId tenant = AppRoleDatabase.newWorkspace();
    var me = new MeetingQuery.Participant(new UserId(UUID.randomUUID()), new EmailAddress("me@example.com"));
    var mine = new ArrayList<MeetingId>();
    try (var db = AppRoleDatabase.in(tenant)) {
      db.execute("insert into users (id, email, name, password_hash) values ('" + me.user() + "', 'me@example.com', 'Me', 'x')");
      db.execute("insert into memberships (tenant_id, user_id, role) values ('" + tenant + "', '" + me.user() + "', 'member')");
      var meetings = new JooqMeetings(db.dsl());
      for (int i = 0; i < 3000; i++) {
        Instant start = MONDAY.minus(Duration.ofDays(400)).plus(Duration.ofHours(3L * i));
        boolean organizes = i % 500 == 0;
        boolean invited = i % 700 == 1;
        Meeting m = meeting(tenant, start, Duration.ofMinutes(30), CLIENT, invited ? "me@example.com" : "other@example.com");
        if (organizes) {
          m = Meeting.schedule(m.id(), tenant, m.details(), me.user(), CLIENT, null, null, m.createdAt());
        }
        meetings.insert(m);
        if (i % 3 != 2) {
          meetings.markReminded(tenant, m.id(), start.minusSeconds(900));
          if (organizes || invited) {
            mine.add(m.id());
          }
        }
      }
      meetings.delete(tenant, mine.getFirst(), MONDAY);
      mine.removeFirst();
    }
    Plans.analyze("crm_meetings", "crm_meeting_attendees");
    try (var db = AppRoleDatabase.in(tenant)) {
      var meetings = new JooqMeetings(db.dsl());
      db.takeStatements();
      var bell = meetings.remindedFor(tenant, me, 5);
      assertThat(bell).extracting(Meeting::id).containsExactlyElementsOf(mine.reversed().subList(0, 5));
      assertThat(bell).allSatisfy(m -> assertThat(m.remindedAt()).isNotNull());
      String plan = db.explain(db.takeStatements().getFirst());
      assertThat(plan).as(plan).doesNotContain("Seq Scan").contains("crm_meetings_reminded_idx")
          .contains("crm_meeting_attendees_email_idx");
    }
  }
}
