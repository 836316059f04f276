package com.orbitcrm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Tasks over the API (issue 17): task fields on activities, {@code /api/crm/tasks}, done and undone. */
@OrbitIntegrationTest
class TasksApiIntegrationTest {

  @LocalServerPort int port;
  Api api;
  Api anonymous;
  Api.Account owner;
  String clientId;

  @BeforeEach
  void workspace() {
    anonymous = new Api(port);
    owner = anonymous.signUp("Tasks " + UUID.randomUUID());
    api = anonymous.bearer(anonymous.tokenFor(owner));
    clientId = api.post("/api/clients", "{\"name\": \"Acme Robotics\"}").text("id");
  }

  JsonNode task(String subject, String extra) {
    var r = api.post("/api/crm/activities", """
        {"entityType": "client", "entityId": "%s", "activityType": "task", "subject": "%s"%s}"""
        .formatted(clientId, subject, extra));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  List<String> subjects(String path) {
    var r = api.get(path);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    var out = new ArrayList<String>();
    r.json().forEach(n -> out.add(n.get("subject").asString()));
    return out;
  }

  @Test
  void aTaskCarriesItsDueTimeAssigneePriorityAndStateAndTheOtherTypesDoNot() {
    var t = task("Send the proposal", ", \"dueAt\": \"2030-01-02T09:30:00Z\", \"priority\": \"HIGH\"");
    assertThat(t.get("activityType").asString()).isEqualTo("task");
    assertThat(t.get("dueAt").asString()).isEqualTo("2030-01-02T09:30:00Z");
    assertThat(t.get("priority").asString()).isEqualTo("high");
    assertThat(t.get("assigneeId").asString()).isEqualTo(owner.userId());
    assertThat(t.get("completedAt").isNull()).isTrue();
    // A local time is read in the caller's zone (the workspace's: UTC); a date alone is due at 17:00.
    assertThat(task("Local", ", \"dueAt\": \"2030-01-02T09:30\"").get("dueAt").asString()).isEqualTo("2030-01-02T09:30:00Z");
    assertThat(task("Day", ", \"dueAt\": \"2030-01-02\"").get("dueAt").asString()).isEqualTo("2030-01-02T17:00:00Z");
    assertThat(task("Plain", "").get("priority").asString()).isEqualTo("normal");

    var call = api.post("/api/crm/activities", """
        {"entityType": "client", "entityId": "%s", "activityType": "call", "subject": "Hi"}""".formatted(clientId)).json();
    assertThat(call.get("priority").isNull()).isTrue();
    assertThat(call.get("dueAt").isNull()).isTrue();

    var wrong = api.post("/api/crm/activities", """
        {"entityType": "client", "entityId": "%s", "activityType": "call", "subject": "Hi", "dueAt": "2030-01-01",
         "priority": "high"}""".formatted(clientId));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.body()).contains("dueAt").contains("priority").contains("only for task activities");

    var bad = api.post("/api/crm/activities", """
        {"entityType": "client", "entityId": "%s", "activityType": "task", "subject": "X", "dueAt": "soon",
         "priority": "urgent", "assigneeId": "%s"}""".formatted(clientId, UUID.randomUUID()));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("dueAt").contains("priority");
    var stranger = api.post("/api/crm/activities", """
        {"entityType": "client", "entityId": "%s", "activityType": "task", "subject": "X", "assigneeId": "%s"}"""
        .formatted(clientId, UUID.randomUUID()));
    assertThat(stranger.status()).isEqualTo(400);
    assertThat(stranger.body()).contains("assigneeId").contains("member");
    var system = api.post("/api/crm/activities", """
        {"entityType": "client", "entityId": "%s", "activityType": "task_status", "subject": "X"}""".formatted(clientId));
    assertThat(system.status()).isEqualTo(400);
  }

  @Test
  void tasksAreListedByDueBucketAssigneeAndPage() {
    Instant now = Instant.now();
    Instant endOfToday = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant laterToday = now.plus(2, ChronoUnit.MINUTES).isBefore(endOfToday) ? now.plus(2, ChronoUnit.MINUTES)
        : endOfToday.minusSeconds(1);
    task("Overdue one", ", \"dueAt\": \"%s\"".formatted(now.minus(3, ChronoUnit.HOURS)));
    task("Today one", ", \"dueAt\": \"%s\"".formatted(laterToday));
    task("Next week", ", \"dueAt\": \"%s\"".formatted(endOfToday.plus(6, ChronoUnit.DAYS)));
    task("Someday", "");
    assertThat(subjects("/api/crm/tasks?due=overdue")).containsExactly("Overdue one");
    assertThat(subjects("/api/crm/tasks?due=today")).containsExactly("Today one");
    assertThat(subjects("/api/crm/tasks?due=upcoming")).containsExactly("Next week", "Someday");
    assertThat(subjects("/api/crm/tasks")).containsExactly("Overdue one", "Today one", "Next week", "Someday");
    assertThat(subjects("/api/crm/tasks?assigneeId=" + owner.userId())).hasSize(4);

    var first = api.get("/api/crm/tasks?limit=3");
    assertThat(first.json()).hasSize(3);
    assertThat(first.linkHeader()).contains("rel=\"next\"");
    var rest = api.get(first.link());
    assertThat(rest.json()).hasSize(1);
    assertThat(rest.json().get(0).get("subject").asString()).isEqualTo("Someday");

    assertThat(api.get("/api/crm/tasks?due=later").status()).isEqualTo(400);
    assertThat(api.get("/api/crm/tasks?assigneeId=nobody").status()).isEqualTo(400);
    assertThat(api.get("/api/crm/tasks?assigneeId=" + UUID.randomUUID()).status()).isEqualTo(400);
    assertThat(api.get("/api/crm/tasks?limit=0").status()).isEqualTo(400);
    assertThat(api.get("/api/crm/tasks?cursor=xyz").status()).isEqualTo(400);

    // Another workspace sees none of them.
    var other = anonymous.signUp("Other " + UUID.randomUUID());
    assertThat(anonymous.bearer(anonymous.tokenFor(other)).get("/api/crm/tasks").json()).isEmpty();
  }

  @Test
  void doneAndUndoneAreRecordedInTheRecordsTimelineOnce() {
    String id = task("Call back Ada", ", \"dueAt\": \"2020-01-01T10:00:00Z\"").get("id").asString();
    var done = api.post("/api/crm/tasks/" + id + "/complete", "");
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.json().get("completedAt").isNull()).isFalse();
    assertThat(done.json().get("completedBy").asString()).isEqualTo(owner.userId());
    assertThat(api.post("/api/crm/tasks/" + id + "/complete", "").status()).isEqualTo(200);
    assertThat(subjects("/api/crm/tasks?due=overdue")).isEmpty();
    assertThat(subjects("/api/crm/tasks?due=done")).containsExactly("Call back Ada");

    var timeline = api.get("/api/crm/activities/client/" + clientId + "?type=task_status").json();
    assertThat(timeline).hasSize(1);
    assertThat(timeline.get(0).get("subject").asString()).isEqualTo("Completed: Call back Ada");
    assertThat(timeline.get(0).get("metadata").get("taskId").asString()).isEqualTo(id);

    var reopened = api.post("/api/crm/tasks/" + id + "/reopen", "");
    assertThat(reopened.json().get("completedAt").isNull()).isTrue();
    assertThat(subjects("/api/crm/tasks?due=overdue")).containsExactly("Call back Ada");
    assertThat(api.get("/api/crm/activities/client/" + clientId + "?type=task_status").json()).hasSize(2);

    String call = api.post("/api/crm/activities", """
        {"entityType": "client", "entityId": "%s", "activityType": "call", "subject": "Hi"}""".formatted(clientId))
        .text("id");
    assertThat(api.post("/api/crm/tasks/" + call + "/complete", "").status()).isEqualTo(404);
  }
}
