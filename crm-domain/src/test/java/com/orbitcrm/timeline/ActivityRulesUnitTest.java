package com.orbitcrm.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a person may log, per activity type; attendees as typed; notes' content and colour. */
class ActivityRulesUnitTest {

  static ActivityDraft draft(String type) {
    return new ActivityDraft(type, null, null, null, null, null, null, null, null, null, null, List.of());
  }

  static List<String> fields(ActivityDraft d) {
    try {
      ActivityDetails.from(d);
      return List.of();
    } catch (InvalidInputException e) {
      return e.violations().stream().map(FieldViolation::field).toList();
    }
  }

  @Test
  void aCallNeedsAKnownOutcomeAWebRecordingAndAPlausibleDuration() {
    var ok = ActivityDetails.from(new ActivityDraft("CALL", null, null, null, null, "300", "no_answer",
        "https://rec.example/a.mp3", null, null, null, List.of()));
    assertThat(ok.type()).isEqualTo(ActivityType.CALL);
    assertThat(ok.callOutcome()).isEqualTo(CallOutcome.NO_ANSWER);
    assertThat(ok.callDuration()).isEqualTo(300);
    assertThat(fields(new ActivityDraft("call", "x", null, null, null, "86401", "hung_up", "ftp://rec.example/a",
        null, null, null, List.of()))).containsExactlyInAnyOrder("callDuration", "callOutcome", "callRecordingUrl");
    assertThat(fields(draft("call"))).containsExactly("subject");
  }

  @Test
  void anEmailNeedsWellFormedAddressesAndFieldsOfOtherTypesAreRefused() {
    var ok = ActivityDetails.from(new ActivityDraft("email", "Hi", null, "Me@Us.example", "a@b.example; C@D.example",
        null, null, null, null, null, null, List.of()));
    assertThat(ok.emailTo()).containsExactly("a@b.example", "c@d.example");
    assertThat(ok.emailFrom()).isEqualTo("me@us.example");
    assertThat(fields(new ActivityDraft("email", "Hi", null, "nobody", "a@b.example, oops", "30", null, null, null,
        null, null, List.of()))).containsExactlyInAnyOrder("emailFrom", "emailTo", "callDuration");
    assertThat(fields(new ActivityDraft("email", "Hi", null, null, null, null, null, null, null, null, null,
        List.of()))).containsExactly("emailTo");
  }

  @Test
  void aMeetingEndsAfterItStartsInAnyTimeZone() {
    var ok = ActivityDetails.from(new ActivityDraft("meeting", "Demo", null, null, null, null, null, null,
        "2026-12-01T14:00", "2026-12-01T16:00:00+01:00", "Zoom", List.of("Ada <ada@x.example>", " ")));
    assertThat(ok.meetingStart()).isEqualTo(Instant.parse("2026-12-01T14:00:00Z"));   // no offset: UTC
    assertThat(ok.meetingEnd()).isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
    assertThat(ok.meetingAttendees()).containsExactly("Ada <ada@x.example>");
    // 15:00+01:00 is 14:00 UTC: not after the start.
    assertThat(fields(new ActivityDraft("meeting", "Demo", null, null, null, null, null, null,
        "2026-12-01T14:00:00Z", "2026-12-01T15:00:00+01:00", null, List.of()))).containsExactly("meetingEndTime");
    assertThat(fields(new ActivityDraft("meeting", "Demo", null, null, null, null, null, null, "tomorrow", null, null,
        List.of()))).containsExactly("meetingStartTime");
  }

  @Test
  void stageChangesAreTheSystemsOnlyAndTypesAreKnown() {
    var forged = new ActivityDraft("status_change", "Won!", null, null, null, null, null, null, null, null, null, List.of());
    assertThat(fields(forged)).containsExactly("activityType");
    var unknown = new ActivityDraft("invoice", "x", null, null, null, null, null, null, null, null, null, List.of());
    assertThat(fields(unknown)).containsExactly("activityType");
    assertThat(ActivityType.loggable()).doesNotContain(ActivityType.STATUS_CHANGE).hasSize(7);
    assertThat(ActivityDetails.statusChange("Lead → Won", null).type()).isEqualTo(ActivityType.STATUS_CHANGE);
  }

  @Test
  void attendeesAndNotes() {
    assertThat(Attendee.parse(" Ada Lovelace <ada@x.example> ")).isEqualTo(new Attendee("Ada Lovelace", "ada@x.example"));
    assertThat(Attendee.parse("ada@x.example")).isEqualTo(new Attendee(null, "ada@x.example"));
    assertThat(Attendee.parse("Ada Lovelace").display()).isEqualTo("Ada Lovelace");
    assertThat(Note.content("  keep  ", null)).isEqualTo("keep");
    assertThatThrownBy(() -> Note.content(" ", "old")).isInstanceOf(InvalidInputException.class);
    assertThat(Note.content(null, "old")).isEqualTo("old");
    assertThat(Note.color("Yellow", NoteColor.DEFAULT)).isEqualTo(NoteColor.YELLOW);
    assertThatThrownBy(() -> Note.color("purple", NoteColor.DEFAULT)).isInstanceOf(InvalidInputException.class);
  }
}
