package com.orbitcrm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orbitcrm.buildtools.TestPostgres;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Adding an existing account invites it: the answer names nobody and says nothing about the account; it joins
 * only by accepting, once, as itself, before the invitation expires or is revoked. A new address with a password
 * is still an active member at once (the bootstrap contract).
 */
@OrbitIntegrationTest
class InvitationApiIntegrationTest {

  @LocalServerPort int port;
  Api api;
  Api.Account owner;
  Api ownerApi;

  @BeforeEach
  void aWorkspace() {
    api = new Api(port);
    owner = api.signUp("Invites Inc");
    ownerApi = api.bearer(api.tokenFor(owner));
  }

  static String token(Api.Response invited) {
    String url = invited.text("acceptUrl");
    return url.substring(url.lastIndexOf('/') + 1);
  }

  Api.Response invite(String email, String role) {
    var r = ownerApi.post("/api/members", """
        {"email": "%s", "role": "%s"}""".formatted(email, role));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r;
  }

  @Test
  void anExistingAccountIsInvitedWithoutRevealingItAndJoinsOnlyByAccepting() {
    var nina = api.signUp("Nina's own");
    var invited = invite(nina.email().toUpperCase(), "member");
    assertThat(invited.text("status")).isEqualTo("invited");
    assertThat(invited.text("email")).isEqualTo(nina.email());
    assertThat(invited.text("role")).isEqualTo("member");
    assertThat(invited.text("invitationId")).isNotBlank();
    assertThat(invited.text("expiresAt")).isNotBlank();
    assertThat(invited.text("acceptUrl")).startsWith("http://localhost:" + port + "/invitations/inv_");
    // Nothing about the account: no name, no id.
    assertThat(invited.json().has("name")).isFalse();
    assertThat(invited.json().has("userId")).isFalse();
    assertThat(invited.body()).doesNotContain("Olive Owner").doesNotContain(nina.userId());
    // The same answer shape for an address nobody uses.
    var stranger = invite("nobody-" + UUID.randomUUID() + "@example.com", "member");
    assertThat(stranger.json().properties().stream().map(java.util.Map.Entry::getKey).toList())
        .containsExactlyElementsOf(invited.json().properties().stream().map(java.util.Map.Entry::getKey).toList());

    // Not a member until accepted; listed as an open invitation for admins.
    assertThat(ownerApi.get("/api/members").body()).doesNotContain(nina.email());
    assertThat(ownerApi.get("/api/members/" + nina.userId()).status()).isEqualTo(404);
    var open = ownerApi.get("/api/invitations");
    assertThat(open.json().findValuesAsString("email")).contains(nina.email());
    assertThat(open.json().findValuesAsString("status")).containsOnly("pending");

    var ninaApi = api.basic(nina.email(), nina.password());
    var accepted = ninaApi.post("/api/invitations/" + token(invited) + "/accept", null);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.text("tenantId")).isEqualTo(owner.tenantId());
    assertThat(accepted.text("workspace")).isEqualTo("Invites Inc");
    assertThat(accepted.text("role")).isEqualTo("member");
    assertThat(ownerApi.get("/api/members/" + nina.userId()).text("role")).isEqualTo("member");
    assertThat(ownerApi.get("/api/members/" + nina.userId()).text("status")).isEqualTo("active");
    assertThat(ninaApi.tenant(owner.tenantId()).get("/api/me").text("role")).isEqualTo("member");
    assertThat(ownerApi.get("/api/invitations").json().findValuesAsString("email")).doesNotContain(nina.email());

    // Used once.
    var again = ninaApi.post("/api/invitations/" + token(invited) + "/accept", null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.text("error")).contains("already been used");
    // Inviting a member: "already a member" (only about the admin's own workspace).
    assertThat(ownerApi.post("/api/members", """
        {"email": "%s", "role": "viewer"}""".formatted(nina.email())).status()).isEqualTo(409);
  }

  @Test
  void anotherAccountIsRefusedAndGarbageTokensAreNotFound() {
    var nina = api.signUp("Nina's");
    var otto = api.signUp("Otto's");
    var invited = invite(nina.email(), "admin");
    var asOtto = api.basic(otto.email(), otto.password()).post("/api/invitations/" + token(invited) + "/accept", null);
    assertThat(asOtto.status()).isEqualTo(403);
    assertThat(asOtto.contentType()).startsWith("application/problem+json");
    assertThat(asOtto.text("error")).contains("another e-mail address");
    assertThat(ownerApi.get("/api/members/" + otto.userId()).status()).isEqualTo(404);
    // Still open for Nina.
    assertThat(api.basic(nina.email(), nina.password()).post("/api/invitations/" + token(invited) + "/accept", null)
        .status()).isEqualTo(200);

    var ninaApi = api.basic(nina.email(), nina.password());
    assertThat(ninaApi.post("/api/invitations/inv_" + "x".repeat(43) + "/accept", null).status()).isEqualTo(404);
    assertThat(ninaApi.post("/api/invitations/nonsense/accept", null).status()).isEqualTo(404);
    assertThat(api.post("/api/invitations/" + token(invited) + "/accept", null).status()).isEqualTo(401);
  }

  @Test
  void revokedReplacedAndExpiredInvitationsAreRefused() throws SQLException {
    var nina = api.signUp("Nina's");
    var ninaApi = api.basic(nina.email(), nina.password());
    var first = invite(nina.email(), "member");
    var second = invite(nina.email(), "viewer");
    assertThat(ownerApi.get("/api/invitations").json().findValuesAsString("email")).containsOnlyOnce(nina.email());
    var replaced = ninaApi.post("/api/invitations/" + token(first) + "/accept", null);
    assertThat(replaced.status()).isEqualTo(409);
    assertThat(replaced.text("error")).contains("withdrawn");

    assertThat(ownerApi.delete("/api/invitations/" + second.text("invitationId")).status()).isEqualTo(204);
    assertThat(ownerApi.delete("/api/invitations/" + second.text("invitationId")).status()).isEqualTo(409);
    assertThat(ninaApi.post("/api/invitations/" + token(second) + "/accept", null).status()).isEqualTo(409);

    var third = invite(nina.email(), "member");
    expire(third.text("invitationId"));
    assertThat(ownerApi.get("/api/invitations").json().findValuesAsString("status")).contains("expired");
    var expired = ninaApi.post("/api/invitations/" + token(third) + "/accept", null);
    assertThat(expired.status()).isEqualTo(409);
    assertThat(expired.text("error")).contains("expired");
    assertThat(ownerApi.get("/api/members/" + nina.userId()).status()).isEqualTo(404);
  }

  @Test
  void aNewAddressWithAPasswordIsStillAnActiveMemberAtOnce() {
    String email = "new-" + UUID.randomUUID() + "@example.com";
    var added = ownerApi.post("/api/members", """
        {"email": "%s", "name": "Nora New", "role": "viewer", "password": "a-good-first-password"}""".formatted(email));
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.text("status")).isEqualTo("active");
    assertThat(added.text("name")).isEqualTo("Nora New");
    assertThat(added.text("role")).isEqualTo("viewer");
    assertThat(api.basic(email, "a-good-first-password").get("/api/me").text("tenantId")).isEqualTo(owner.tenantId());
  }

  @Test
  void onlyAdminsListAndRevokeInvitations() {
    String email = "viewer-" + UUID.randomUUID() + "@example.com";
    ownerApi.post("/api/members", """
        {"email": "%s", "name": "Vi", "role": "viewer", "password": "a-good-first-password"}""".formatted(email));
    var viewer = api.basic(email, "a-good-first-password");
    var invited = invite("z-" + UUID.randomUUID() + "@example.com", "member");
    assertThat(viewer.get("/api/invitations").status()).isEqualTo(403);
    assertThat(viewer.delete("/api/invitations/" + invited.text("invitationId")).status()).isEqualTo(403);
    assertThat(viewer.post("/api/members", """
        {"email": "q-%s@example.com", "role": "member"}""".formatted(UUID.randomUUID())).status()).isEqualTo(403);
    assertThat(ownerApi.get("/api/invitations").json().size()).isEqualTo(1);
  }

  /** Moves an invitation's life into the past, as time would. */
  void expire(String invitationId) throws SQLException {
    try (var c = TestPostgres.database().ownerDataSource().getConnection()) {
      c.setAutoCommit(false);
      try (var st = c.prepareStatement("select set_config('orbit.tenant_id', ?, true)")) {
        st.setString(1, owner.tenantId());
        st.execute();
      }
      try (var st = c.prepareStatement("update invitations set created_at = now() - interval '8 days', "
          + "expires_at = now() - interval '1 day' where id = ?::uuid")) {
        st.setString(1, invitationId);
        assertThat(st.executeUpdate()).isEqualTo(1);
      }
      c.commit();
    }
  }
}
