package com.orbitcrm.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code /api/crm/meetings} on the real app and database: the spec's fields, the rules, paging and hostile input. */
@OrbitIntegrationTest
class MeetingApiIntegrationTest {

  @LocalServerPort int port;
  Api api;
  Api.Account owner;
  String clientId;
  String dealId;
  Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    owner = anonymous.signUp("Meetings " + UUID.randomUUID());
    api = anonymous.bearer(anonymous.tokenFor(owner));
    clientId = api.post("/api/clients", "{\"name\": \"Acme Robotics\", \"contactEmail\": \"ada@acme.example\"}")
        .text("id");
    dealId = api.post("/api/crm/deals", "{\"name\": \"Robot arms\", \"value\": 1000, \"clientId\": \"%s\"}"
        .formatted(clientId)).text("id");
  }

  private JsonNode schedule(String json) {
    var r = api.post("/api/crm/meetings", json);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  private String meetingAt(Instant start, String extra) {
    return """
        {"title": "Demo", "startTime": "%s", "endTime": "%s"%s}""".formatted(start, start.plus(Duration.ofHours(1)), extra);
  }

  @Test
  void aMeetingHasTheSpecsFieldsAndDefaults() {
    var m = schedule("""
        {"title": "Kick-off", "description": "Agenda", "startTime": "2027-03-01T09:00", "endTime": "2027-03-01T10:30",
         "timezone": "Europe/Paris", "locationType": "in_person", "location": "Acme HQ",
         "attendees": [{"email": "Ada@Acme.example", "name": "Ada"}, "Bob <bob@acme.example>"],
         "entityType": "client", "entityId": "%s", "dealId": "%s", "reminderMinutes": 30}""".formatted(clientId, dealId));
    assertThat(m.get("startTime").asString()).isEqualTo("2027-03-01T08:00:00Z");
    assertThat(m.get("endTime").asString()).isEqualTo("2027-03-01T09:30:00Z");
    assertThat(m.get("timezone").asString()).isEqualTo("Europe/Paris");
    assertThat(m.get("locationType").asString()).isEqualTo("in_person");
    assertThat(m.get("status").asString()).isEqualTo("scheduled");
    assertThat(m.get("organizerId").asString()).isEqualTo(owner.userId());
    assertThat(m.get("attendees").get(0).get("email").asString()).isEqualTo("ada@acme.example");
    assertThat(m.get("attendees").get(0).get("status").asString()).isEqualTo("pending");
    assertThat(m.get("attendees").get(1).get("name").asString()).isEqualTo("Bob");
    assertThat(m.get("entityType").asString()).isEqualTo("client");
    assertThat(m.get("dealId").asString()).isEqualTo(dealId);
    assertThat(m.get("reminderMinutes").asInt()).isEqualTo(30);
    assertThat(m.get("reminderSent").asBoolean()).isFalse();
    assertThat(m.get("sequence").asInt()).isZero();

    var plain = schedule(meetingAt(tomorrow, ", \"entityType\": \"deal\", \"entityId\": \"%s\"".formatted(dealId)));
    assertThat(plain.get("reminderMinutes").asInt()).as("the spec's default").isEqualTo(15);
    assertThat(plain.get("locationType").asString()).isEqualTo("virtual");
    assertThat(plain.get("timezone").asString()).as("the organizer's zone: the workspace's UTC").isEqualTo("UTC");
    assertThat(plain.get("dealId").asString()).as("a meeting about a deal serves it").isEqualTo(dealId);
  }

  @Test
  void movingAMeetingReschedulesItAndOtherChangesKeepTheStatus() {
    var m = schedule(meetingAt(tomorrow, ", \"attendees\": [\"ada@acme.example\"]"));
    String id = m.get("id").asString();
    var moved = api.put("/api/crm/meetings/" + id, """
        {"startTime": "%s", "endTime": "%s", "version": 0}""".formatted(tomorrow.plus(Duration.ofDays(1)),
        tomorrow.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30))));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().get("status").asString()).isEqualTo("rescheduled");
    assertThat(moved.json().get("sequence").asInt()).isEqualTo(1);
    assertThat(moved.json().get("title").asString()).as("unsent fields stay").isEqualTo("Demo");

    var stale = api.put("/api/crm/meetings/" + id, "{\"title\": \"Stale\", \"version\": 0}");
    assertThat(stale.status()).isEqualTo(409);

    var done = api.put("/api/crm/meetings/" + id, """
        {"status": "completed", "notes": "Went well", "outcome": "Pilot agreed"}""");
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.json().get("status").asString()).isEqualTo("completed");
    assertThat(done.json().get("outcome").asString()).isEqualTo("Pilot agreed");

    var moveDone = api.put("/api/crm/meetings/" + id, meetingAt(tomorrow.plus(Duration.ofDays(3)), ""));
    assertThat(moveDone.status()).isEqualTo(400);
    assertThat(moveDone.body()).contains("startTime");
    assertThat(api.post("/api/crm/meetings/" + id + "/cancel", null).status()).isEqualTo(409);
  }

  @Test
  void attendeesAnswerAndCancellingEndsIt() {
    String id = schedule(meetingAt(tomorrow, ", \"attendees\": [\"ada@acme.example\"]")).get("id").asString();
    var answered = api.post("/api/crm/meetings/" + id + "/rsvp", "{\"email\": \"ADA@acme.example\", \"status\": \"declined\"}");
    assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    assertThat(answered.json().get("attendees").get(0).get("status").asString()).isEqualTo("declined");
    assertThat(answered.json().get("attendees").get(0).get("respondedAt").isNull()).isFalse();
    assertThat(api.post("/api/crm/meetings/" + id + "/rsvp", "{\"email\": \"eve@acme.example\", \"status\": \"accepted\"}")
        .status()).isEqualTo(404);
    assertThat(api.post("/api/crm/meetings/" + id + "/rsvp", "{\"email\": \"ada@acme.example\", \"status\": \"maybe\"}")
        .status()).isEqualTo(400);

    var cancelled = api.post("/api/crm/meetings/" + id + "/cancel", null);
    assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
    assertThat(cancelled.json().get("sequence").asInt()).isEqualTo(1);
    assertThat(api.delete("/api/crm/meetings/" + id).status()).isEqualTo(204);
    assertThat(api.get("/api/crm/meetings/" + id).status()).isEqualTo(404);
  }

  @Test
  void theListIsARangeInStartOrderPageByPageWithFilters() {
    var ids = new ArrayList<String>();
    for (int i = 0; i < 7; i++) {
      String about = i % 2 == 0 ? ", \"entityType\": \"client\", \"entityId\": \"%s\"".formatted(clientId) : "";
      ids.add(schedule(meetingAt(tomorrow.plus(Duration.ofHours(2L * i)), about)).get("id").asString());
    }
    schedule(meetingAt(tomorrow.plus(Duration.ofDays(30)), ""));
    String range = "/api/crm/meetings?from=" + tomorrow + "&to=" + tomorrow.plus(Duration.ofDays(1)) + "&limit=3";
    var seen = new ArrayList<String>();
    var page = api.get(range);
    while (true) {
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      page.json().forEach(m -> seen.add(m.get("id").asString()));
      if (page.link() == null) {
        break;
      }
      page = api.get(page.link().replaceFirst("^http://[^/]+", ""));
    }
    assertThat(seen).containsExactlyElementsOf(ids);

    var aboutClient = api.get("/api/crm/meetings?entityType=client&entityId=" + clientId).json();
    assertThat(aboutClient.size()).isEqualTo(4);
    var mine = api.get("/api/crm/meetings?mine=true&status=scheduled").json();
    assertThat(mine.size()).isEqualTo(8);
  }

  @Test
  void aMeetingIsACalendarFileAndItsLifeIsOnTheRecordsTimeline() {
    String id = schedule(meetingAt(tomorrow, ", \"entityType\": \"client\", \"entityId\": \"%s\", \"location\": \"Zoom\""
        .formatted(clientId))).get("id").asString();
    var ics = api.get("/api/crm/meetings/" + id + "/ics");
    assertThat(ics.status()).isEqualTo(200);
    assertThat(ics.contentType()).startsWith("text/calendar");
    assertThat(ics.body()).contains("BEGIN:VCALENDAR", "METHOD:PUBLISH", "UID:" + id, "SUMMARY:Demo");

    api.post("/api/crm/meetings/" + id + "/complete", "{\"outcome\": \"Signed\"}");
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      var feed = api.get("/api/crm/activities/client/" + clientId + "?type=meeting").json();
      assertThat(feed.size()).isEqualTo(2);
      assertThat(feed.get(0).get("subject").asString()).isEqualTo("Meeting completed: Demo");
      assertThat(feed.get(0).get("description").asString()).contains("Outcome: Signed");
      assertThat(feed.get(1).get("subject").asString()).isEqualTo("Meeting scheduled: Demo");
      assertThat(feed.get(1).get("meetingStartTime").asString()).isEqualTo(tomorrow.toString());
    });
  }

  @Test
  void badInputIsA400NamingTheField() {
    assertThat(api.post("/api/crm/meetings", "{\"title\": ").status()).isEqualTo(400);
    assertThat(api.post("/api/crm/meetings", "[]").status()).isEqualTo(400);
    var wrong = api.post("/api/crm/meetings", """
        {"title": "%s", "startTime": 5, "endTime": "2027-01-01T10:00:00Z", "locationType": "video",
         "timezone": "Mars/Base", "reminderMinutes": "soon", "attendees": [{"email": "nope"}]}""".formatted("x".repeat(300)));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.contentType()).startsWith("application/problem+json");

    var fields = api.post("/api/crm/meetings", """
        {"title": "%s", "startTime": "2027-01-01T11:00:00Z", "endTime": "2027-01-01T10:00:00Z", "locationType": "video",
         "timezone": "Mars/Base", "meetingUrl": "javascript:alert(1)", "attendees": [{"email": "nope"}]}"""
        .formatted("x".repeat(300)));
    assertThat(fields.status()).isEqualTo(400);
    var named = new ArrayList<String>();
    fields.json().get("errors").forEach(e -> named.add(e.get("field").asString()));
    assertThat(named).contains("title", "locationType", "timezone", "meetingUrl", "attendees[0].email");

    var anon = new Api(port);
    var other = anon.signUp("Other " + UUID.randomUUID());
    var otherApi = anon.bearer(anon.tokenFor(other));
    String theirClient = otherApi.post("/api/clients", "{\"name\": \"Theirs\"}").text("id");
    String theirDeal = otherApi.post("/api/crm/deals", "{\"name\": \"Theirs\"}").text("id");
    var foreign = api.post("/api/crm/meetings", meetingAt(tomorrow, ", \"entityType\": \"client\", \"entityId\": \"%s\", \"dealId\": \"%s\", \"organizerId\": \"%s\""
        .formatted(theirClient, theirDeal, other.userId())));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body()).contains("entityId", "dealId", "organizerId").doesNotContain("Theirs");
    assertThat(api.get("/api/crm/meetings?from=yesterday").status()).isEqualTo(400);
    assertThat(api.get("/api/crm/meetings?cursor=abc").status()).isEqualTo(400);
    assertThat(api.get("/api/crm/meetings?limit=100000").status()).isEqualTo(400);
    assertThat(api.get("/api/crm/meetings?status=no_show").status()).isEqualTo(400);
    assertThat(api.get("/api/crm/meetings").json().size()).as("nothing was written").isZero();
  }
}
