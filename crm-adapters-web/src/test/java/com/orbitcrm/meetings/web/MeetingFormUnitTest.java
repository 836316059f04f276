package com.orbitcrm.meetings.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.meetings.MeetingDraft;
import com.orbitcrm.meetings.MeetingDraft.AttendeeDraft;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MeetingFormUnitTest {

  static final List<Member> TEAM = List.of(new Member(new UserId(UUID.randomUUID()), "Ada Lovelace",
      new EmailAddress("ada@acme.example"), Role.MEMBER, Instant.EPOCH, null));

  private static MeetingForm form(String date, String time, String duration, String zone, List<String> members,
                                  String guests, String about) {
    return new MeetingForm("Kick-off", date, time, duration, zone, "virtual", null, null, members, guests, about, null,
        "15", null, null);
  }

  @Test
  void theStartIsTheDayAndTimeInTheChosenZoneAndTheEndAddsTheDuration() {
    var draft = form("2026-12-01", "09:30", "45", "Europe/Berlin", List.of(), "", "")
        .draft(MeetingDraft.blank(), TEAM, ZoneId.of("UTC"));
    assertThat(draft.startTime()).isEqualTo("2026-12-01T08:30:00Z");
    assertThat(draft.endTime()).isEqualTo("2026-12-01T09:15:00Z");
    assertThat(draft.timezone()).isEqualTo("Europe/Berlin");
    assertThat(draft.reminderMinutes()).isEqualTo("15");
  }

  @Test
  void aMeetingOverTheNightOfAChangeLastsWhatWasChosenNotWhatTheClocksSay() {
    // Berlin springs forward at 02:00 on 29 March 2026: 01:30 + 2 h is 04:30 on the wall clock.
    var draft = form("2026-03-29", "01:30", "120", "Europe/Berlin", List.of(), "", "")
        .draft(MeetingDraft.blank(), TEAM, ZoneId.of("UTC"));
    assertThat(draft.startTime()).isEqualTo("2026-03-29T00:30:00Z");
    assertThat(draft.endTime()).isEqualTo("2026-03-29T02:30:00Z");
  }

  @Test
  void whatIsMissingGoesOnBlankForTheUseCaseToName() {
    var noDate = form("", "09:30", "30", "UTC", List.of(), "", "").draft(MeetingDraft.blank(), TEAM, ZoneId.of("UTC"));
    assertThat(noDate.startTime()).isNull();
    var badTime = form("2026-12-01", "25:99", "30", "UTC", List.of(), "", "")
        .draft(MeetingDraft.blank(), TEAM, ZoneId.of("UTC"));
    assertThat(badTime.startTime()).isEqualTo("2026-12-01T25:99");
    var noDuration = form("2026-12-01", "09:30", "", "UTC", List.of(), "", "")
        .draft(MeetingDraft.blank(), TEAM, ZoneId.of("UTC"));
    assertThat(noDuration.endTime()).isNull();
  }

  @Test
  void membersComeFirstWithTheirNamesThenThePeopleTyped() {
    var attendees = form("2026-12-01", "09:30", "30", "UTC", List.of("ada@acme.example"),
        "Greta Marsh <greta@harbor.example>; bob@x.example\n\"Li, Wei\" <wei@x.example>,", "").attendees(TEAM);
    assertThat(attendees).containsExactly(
        new AttendeeDraft("ada@acme.example", "Ada Lovelace", null),
        new AttendeeDraft("greta@harbor.example", "Greta Marsh", null),
        new AttendeeDraft("bob@x.example", null, null),
        new AttendeeDraft("wei@x.example", "Li, Wei", null));
  }

  @Test
  void aNameWithACommaIsQuotedSoThatItReadsBackAsOnePerson() {
    assertThat(MeetingForm.guest("Li, Wei", "wei@x.example")).isEqualTo("\"Li, Wei\" <wei@x.example>");
    assertThat(MeetingForm.guest("Greta <G> Marsh", "g@x.example")).isEqualTo("Greta  G  Marsh <g@x.example>");
    assertThat(MeetingForm.guest(null, "g@x.example")).isEqualTo("g@x.example");
  }

  @Test
  void theUseCasesFieldsLandOnTheFormsFields() {
    var f = form("2026-12-01", "09:30", "30", "UTC", List.of("ada@acme.example"), "x", "client:1");
    Map<String, String> errors = f.errors(Map.of("startTime", "Is required.", "endTime", "Must be after the start.",
        "attendees[0].email", "Bad.", "attendees[1].email", "\"x\" is not an address.", "entityId", "Not a client.",
        "timezone", "Not a zone."));
    assertThat(errors).containsEntry("start", "Is required.").containsEntry("duration", "Must be after the start.")
        .containsEntry("members", "Bad.").containsEntry("guests", "\"x\" is not an address.")
        .containsEntry("about", "Not a client.").containsEntry("timezone", "Not a zone.");
  }

  @Test
  void aboutIsARecordReferenceAndAClientMeetingKeepsItsDeal() {
    var aboutClient = new MeetingForm("t", null, null, null, null, null, null, null, null, null, "client:abc", "d-1",
        null, null, null).links();
    assertThat(aboutClient.entityType()).isEqualTo("client");
    assertThat(aboutClient.entityId()).isEqualTo("abc");
    assertThat(aboutClient.dealId()).isEqualTo("d-1");
    var aboutDeal = new MeetingForm("t", null, null, null, null, null, null, null, null, null, "deal:xyz", "d-1",
        null, null, null).links();
    assertThat(aboutDeal.entityType()).isEqualTo("deal");
    assertThat(aboutDeal.dealId()).isNull();
    var none = new MeetingForm("t", null, null, null, null, null, null, null, null, null, "", null, null, null, null)
        .links();
    assertThat(none.entityType()).isNull();
  }

  @Test
  void durationsAndRemindersReadAsPeopleSayThem() {
    assertThat(MeetingForm.durationLabel(30)).isEqualTo("30 min");
    assertThat(MeetingForm.durationLabel(90)).isEqualTo("1 h 30 min");
    assertThat(MeetingForm.durationLabel(1440)).isEqualTo("1 day");
    assertThat(MeetingForm.reminderLabel(60)).isEqualTo("1 hour before");
    assertThat(MeetingForm.reminderLabel(1440)).isEqualTo("1 day before");
    assertThat(MeetingForm.reminderLabel(0)).isEqualTo("When it starts");
    // A meeting of 50 minutes (made through the API) keeps its length in the select.
    assertThat(MeetingForm.durationOptions(50)).extracting(MeetingForm.Option::label).contains("50 min");
  }
}
