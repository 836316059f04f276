package com.orbitcrm.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * One workspace's worth of rows: a row in every tenant table, with the references between them.
 * {@link #FIXTURES} knows how to insert one row of each table; the schema tests insert a whole
 * graph per tenant and then try to cross from one to the other.
 */
record TenantGraph(UUID tenant, UUID user, UUID client, UUID deal, UUID field, UUID pipeline) {

  static TenantGraph random() {
    return new TenantGraph(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
        UUID.randomUUID(), UUID.randomUUID());
  }

  /** Inserts one row of a table for a graph; {@code id} is the new row's own key. */
  interface Insert {
    void into(Connection c, TenantGraph g, UUID id) throws SQLException;
  }

  /**
   * A tenant table, the column that holds its tenant, how to make a row of it, and an update that changes
   * every row it touches (to try on another tenant's rows).
   */
  record Fixture(String table, String tenantColumn, Insert insert, String change) {
    Fixture(String table, String tenantColumn, Insert insert) {
      this(table, tenantColumn, insert, "version = version + 100");
    }

    @Override
    public String toString() {
      return table;
    }
  }

  /** Every tenant table, in an order in which a whole graph can be inserted. */
  static final List<Fixture> FIXTURES = List.of(
      new Fixture("tenants", "id", (c, g, id) ->
          exec(c, "insert into tenants (id, name) values (?, ?)", id, "Workspace " + id)),
      new Fixture("memberships", "tenant_id", (c, g, id) -> {
        exec(c, "insert into users (id, email, name, password_hash) values (?, ?, ?, 'x')",
            id, id + "@example.test", "User " + id);
        exec(c, "insert into memberships (tenant_id, user_id, role) values (?, ?, 'owner')", g.tenant(), id);
      }),
      new Fixture("invitations", "tenant_id", (c, g, id) ->
          exec(c, "insert into invitations (tenant_id, id, email, role, invited_by, token_hash, expires_at) "
              + "values (?, ?, ?, 'member', ?, ?, now() + interval '7 days')", g.tenant(), id, id + "@invited.test",
              g.user(), sha256("inv" + id))),
      new Fixture("api_tokens", "tenant_id", (c, g, id) ->
          exec(c, "insert into api_tokens (tenant_id, id, user_id, name, token_hash, token_prefix, role) "
              + "values (?, ?, ?, 'ci', ?, 'orb_test', 'member')", g.tenant(), id, g.user(), sha256(id.toString()))),
      new Fixture("clients", "tenant_id", (c, g, id) ->
          exec(c, "insert into clients (tenant_id, id, name, account_owner_id, state, estimated_monthly_spend) "
              + "values (?, ?, ?, ?, 'TX', 1200.50)", g.tenant(), id, "Client " + id, g.user())),
      new Fixture("client_search_words", "tenant_id", (c, g, id) ->
          exec(c, "insert into client_search_words (tenant_id, word, client_id, name_key) values (?, ?, ?, 'k')",
              g.tenant(), "w" + id, g.client()), "word = word || 'x'"),
      new Fixture("pipelines", "tenant_id", (c, g, id) ->
          exec(c, "insert into pipelines (tenant_id, id, name, is_default) values (?, ?, 'Sales', ?)", g.tenant(), id,
              id.equals(g.pipeline()))),
      new Fixture("pipeline_stages", "tenant_id", (c, g, id) ->
          exec(c, "insert into pipeline_stages (tenant_id, pipeline_id, key, label, color, position, probability, kind) "
              + "select ?, ?, key, label, color, ord, probability, kind from orbit_default_stages()",
              g.tenant(), g.pipeline())),
      new Fixture("crm_deals", "tenant_id", (c, g, id) ->
          exec(c, "insert into crm_deals (tenant_id, id, name, client_id, owner_id, value, pipeline_id, stage, rank) "
              + "values (?, ?, 'Deal', ?, ?, 5000, ?, 'lead', ?)", g.tenant(), id, g.client(), g.user(), g.pipeline(),
              "a" + Integer.toString(Math.floorMod(id.hashCode(), 36), 36))),
      new Fixture("crm_deal_figures", "tenant_id", (c, g, id) ->
          exec(c, "insert into crm_deal_figures (tenant_id, pipeline_id, kind, stage, currency, event_month, deals, "
              + "value, weighted, cycle_days) values (?, ?, 'd', 'proposal', 'EUR', "
              + "date '2000-01-01' + abs(hashtext(?::text)) % 20000, 1, 900, 45000, 12)", g.tenant(), g.pipeline(),
              id.toString()),
          "deals = deals + 1"),
      new Fixture("crm_activities", "tenant_id", (c, g, id) ->
          exec(c, "insert into crm_activities (tenant_id, id, entity_type, entity_id, activity_type, subject, "
              + "call_outcome, call_duration) values (?, ?, 'client', ?, 'call', 'Intro call', 'answered', 300)",
              g.tenant(), id, g.client())),
      new Fixture("deal_search_words", "tenant_id", (c, g, id) ->
          exec(c, "insert into deal_search_words (tenant_id, word, deal_id) values (?, ?, ?)",
              g.tenant(), "w" + id, g.deal()), "word = word || 'x'"),
      new Fixture("crm_notes", "tenant_id", (c, g, id) ->
          exec(c, "insert into crm_notes (tenant_id, id, entity_type, entity_id, content, is_pinned, color) "
              + "values (?, ?, 'deal', ?, 'Budget approved', true, 'yellow')", g.tenant(), id, g.deal())),
      new Fixture("crm_meetings", "tenant_id", (c, g, id) -> meeting(c, g, id)),
      new Fixture("crm_meeting_attendees", "tenant_id", (c, g, id) -> {
        meeting(c, g, id);
        exec(c, "insert into crm_meeting_attendees (tenant_id, meeting_id, position, email, name, status) "
            + "values (?, ?, 0, 'ada@example.test', 'Ada', 'accepted')", g.tenant(), id);
      }, "name = name || 'x'"),
      new Fixture("meeting_search_words", "tenant_id", (c, g, id) -> {
        meeting(c, g, id);
        exec(c, "insert into meeting_search_words (tenant_id, word, meeting_id) values (?, ?, ?)", g.tenant(), "w" + id, id);
      }, "word = word || 'x'"),
      new Fixture("calendar_feeds", "tenant_id", (c, g, id) ->
          exec(c, "insert into calendar_feeds (tenant_id, user_id, key_hash) values (?, ?, ?)", g.tenant(), g.user(),
              sha256(id.toString()).substring(0, 32).getBytes(StandardCharsets.UTF_8)), "created_at = now()"),
      new Fixture("crm_custom_fields", "tenant_id", (c, g, id) ->
          exec(c, "insert into crm_custom_fields (tenant_id, id, entity_type, field_name, field_label, field_type) "
              + "values (?, ?, 'client', ?, 'Region', 'text')", g.tenant(), id, "f_" + id.toString().replace("-", ""))),
      new Fixture("crm_custom_field_values", "tenant_id", (c, g, id) ->
          exec(c, "insert into crm_custom_field_values (tenant_id, entity_type, field_id, entity_id, key, value) "
              + "values (?, 'client', ?, ?, 'EMEA', 'EMEA')", g.tenant(), g.field(), id), "value = value || 'x'"),
      // Events in flight hold their workspace's ids: another workspace may not read them either.
      new Fixture("event_publication", "tenant_id", (c, g, id) ->
          exec(c, "insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, "
              + "tenant_id) values (?, 'l', 'com.orbitcrm.deals.DealStageChanged', ?, now(), ?)", id,
              "{\"tenant\": {\"value\": \"" + g.tenant() + "\"}}", g.tenant()),
          "listener_id = listener_id || 'x'"),
      // A member's choice of list columns and of the board's pipeline: theirs, in their workspace only.
      new Fixture("list_columns", "tenant_id", (c, g, id) ->
          exec(c, "insert into list_columns (tenant_id, user_id, list, columns) values (?, ?, 'clients', '{cf.tier}')",
              g.tenant(), g.user()), "updated_at = now()"),
      new Fixture("pipeline_choices", "tenant_id", (c, g, id) ->
          exec(c, "insert into pipeline_choices (tenant_id, user_id, pipeline_id) values (?, ?, ?)", g.tenant(), g.user(),
              g.pipeline()), "updated_at = now()"),
      new Fixture("imports", "tenant_id", (c, g, id) -> importJob(c, g, id)),
      new Fixture("import_records", "tenant_id", (c, g, id) -> {
        importJob(c, g, id);
        exec(c, "insert into import_records (tenant_id, import_id, entity_type, record_id, action) "
            + "values (?, ?, 'client', ?, 'created')", g.tenant(), id, g.client());
      }, "action = 'updated'"),
      new Fixture("import_rejects", "tenant_id", (c, g, id) -> {
        importJob(c, g, id);
        exec(c, "insert into import_rejects (tenant_id, import_id, line, reason, fields) "
            + "values (?, ?, 2, 'name: is required', '{a,b}')", g.tenant(), id);
      }, "reason = reason || 'x'"),
      // Idempotency keys remember a workspace's answers; webhooks carry its events and its secrets.
      new Fixture("idempotency_keys", "tenant_id", (c, g, id) ->
          exec(c, "insert into idempotency_keys (tenant_id, principal, key, fingerprint, status, body) "
              + "values (?, ?, ?, ?, 201, ?)", g.tenant(), "user:" + g.user(), id.toString(), new byte[32],
              "{}".getBytes(StandardCharsets.UTF_8)), "status = 200"),
      new Fixture("webhook_endpoints", "tenant_id", (c, g, id) -> webhook(c, g, id), "enabled = false"),
      new Fixture("webhook_deliveries", "tenant_id", (c, g, id) -> {
        webhook(c, g, id);
        delivery(c, g, id);
      }, "attempts = attempts + 1"),
      new Fixture("webhook_attempts", "tenant_id", (c, g, id) -> {
        webhook(c, g, id);
        delivery(c, g, id);
        exec(c, "insert into webhook_attempts (tenant_id, delivery_id, attempt, at, status_code, duration_ms) "
            + "values (?, ?, 1, now(), 200, 12)", g.tenant(), id);
      }, "duration_ms = duration_ms + 1"),
      new Fixture("tenant_secrets", "tenant_id", (c, g, id) ->
          exec(c, "insert into tenant_secrets (tenant_id, name, value) values (?, ?, ?)", g.tenant(),
              "email_tracking", new byte[32]), "name = name || 'x'"));

  /** Inserts the whole graph; the caller has set the graph's tenant on the connection. */
  void insertAll(Connection c) throws SQLException {
    for (Fixture f : FIXTURES) {
      UUID id = switch (f.table()) {
        case "tenants" -> tenant;
        case "memberships" -> user;
        case "clients" -> client;
        case "crm_deals" -> deal;
        case "crm_custom_fields" -> field;
        case "pipelines" -> pipeline;
        default -> UUID.randomUUID();
      };
      f.insert().into(c, this, id);
    }
  }

  private static void webhook(Connection c, TenantGraph g, UUID id) throws SQLException {
    exec(c, "insert into webhook_endpoints (tenant_id, id, url, event_types, secret, created_by) "
        + "values (?, ?, 'https://example.com/hooks', '{client.created}', 'whsec_AAAAAAAAAAAAAAAAAAAAAAAA', ?)",
        g.tenant(), id, g.user());
  }

  private static void delivery(Connection c, TenantGraph g, UUID id) throws SQLException {
    exec(c, "insert into webhook_deliveries (tenant_id, id, endpoint_id, event_type, payload, status) "
        + "values (?, ?, ?, 'client.created', '{}', 'pending')", g.tenant(), id, id);
  }

  private static void importJob(Connection c, TenantGraph g, UUID id) throws SQLException {
    exec(c, "insert into imports (tenant_id, id, entity, status, file_name, settings, created_by) "
        + "values (?, ?, 'clients', 'queued', 'clients.csv', '{}'::jsonb, ?)", g.tenant(), id, g.user());
  }

  private static void meeting(Connection c, TenantGraph g, UUID id) throws SQLException {
    var start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    exec(c, "insert into crm_meetings (tenant_id, id, title, start_time, end_time, entity_type, entity_id, deal_id, "
        + "organizer_id) values (?, ?, 'Demo', ?, ?, 'client', ?, ?, ?)", g.tenant(), id, Timestamp.from(start),
        Timestamp.from(start.plus(1, ChronoUnit.HOURS)), g.client(), g.deal(), g.user());
  }

  static int exec(Connection c, String sql, Object... args) throws SQLException {
    try (var st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      // execute(), not executeUpdate(): also used for `select set_config(...)`.
      return st.execute() ? 0 : st.getUpdateCount();
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
