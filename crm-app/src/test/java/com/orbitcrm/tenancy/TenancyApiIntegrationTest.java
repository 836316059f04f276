package com.orbitcrm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The HTTP bootstrap of the README, kept exactly: sign-up, tokens and members. */
@OrbitIntegrationTest
class TenancyApiIntegrationTest {

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
  }

  @Test
  void signUpCreatesAWorkspaceAndItsOwner() {
    String email = "ada-" + UUID.randomUUID() + "@example.com";
    var r = api.post("/api/signup", """
        {"workspace": "Analytical Engines", "name": "Ada Lovelace", "email": "%s", "password": "notes-on-the-engine"}"""
        .formatted(email.toUpperCase()));
    assertThat(r.status()).isEqualTo(201);
    String tenantId = r.text("tenantId");
    String userId = r.text("userId");
    assertThat(UUID.fromString(tenantId)).isNotNull();

    var me = api.basic(email, "notes-on-the-engine").get("/api/me");
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(me.text("userId")).isEqualTo(userId);
    assertThat(me.text("tenantId")).isEqualTo(tenantId);
    assertThat(me.text("role")).isEqualTo("owner");
    assertThat(me.json().get("workspaces").get(0).get("name").asString()).isEqualTo("Analytical Engines");
  }

  @Test
  void aTakenEmailIsAConflictWhateverItsCase() {
    var account = api.signUp("First");
    var r = api.post("/api/signup", """
        {"workspace": "Second", "name": "Someone", "email": "%s", "password": "another-good-password"}"""
        .formatted(account.email().toUpperCase()));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.text("error")).contains("already exists");
  }

  @Test
  void badSignUpInputIsAnsweredFieldByField() {
    var r = api.post("/api/signup", """
        {"workspace": "", "name": "X", "email": "not-an-email", "password": "aaaaaaaaaaaa"}""");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("workspace", "email", "password");
    assertThat(r.body()).contains("too easy to guess");

    assertThat(api.post("/api/signup", "{\"workspace\": ").status()).isEqualTo(400);
    assertThat(api.post("/api/signup", "{\"workspace\": [1,2]}").status()).isEqualTo(400);
    assertThat(api.post("/api/signup", """
        {"workspace": "%s", "name": "N", "email": "n@example.com", "password": "long-enough-pass"}"""
        .formatted("w".repeat(256))).text("error")).contains("at most 255");
    var weak = api.post("/api/signup", """
        {"workspace": "Acme", "name": "N", "email": "n@example.com", "password": "short"}""");
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
    for (String guessable : new String[] {"password12", "1234567890", "Summer2026!"}) {
      var common = api.post("/api/signup", """
          {"workspace": "Acme", "name": "N", "email": "n-%s@example.com", "password": "%s"}"""
          .formatted(UUID.randomUUID(), guessable));
      assertThat(common.status()).as(guessable).isEqualTo(400);
      assertThat(common.json().get("errors").get(0).get("message").asString()).contains("common");
    }
  }

  @Test
  void aTokenIsShownOnceWorksForItsWorkspaceAndStopsWhenRevoked() {
    var owner = api.signUp("Tokens Inc");
    var basic = api.basic(owner.email(), owner.password());
    var created = basic.post("/api/tokens", "{\"name\": \"nightly export\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("tenantId")).isEqualTo(owner.tenantId());
    String token = created.text("token");
    assertThat(token).startsWith("orb_").hasSizeGreaterThan(40);

    var bearer = api.bearer(token);
    assertThat(bearer.get("/api/members").status()).isEqualTo(200);
    // Listed with its prefix only: the secret is never shown again.
    var list = basic.get("/api/tokens");
    assertThat(list.body()).contains("nightly export").doesNotContain(token);

    assertThat(bearer.delete("/api/tokens/" + created.text("id")).status()).isEqualTo(204);
    assertThat(bearer.get("/api/members").status()).isEqualTo(401);
    assertThat(basic.delete("/api/tokens/" + created.text("id")).status()).isEqualTo(404);
  }

  @Test
  void aTokenCarriesAtMostItsCreatorsRole() {
    var owner = api.signUp("Roles Inc");
    var ownerApi = api.bearer(api.tokenFor(owner));
    String email = "mia-" + UUID.randomUUID() + "@example.com";
    assertThat(ownerApi.post("/api/members", """
        {"email": "%s", "name": "Mia Member", "role": "admin", "password": "member-password-1"}""".formatted(email))
        .status()).isEqualTo(201);
    var admin = api.basic(email, "member-password-1");
    // An admin cannot mint an owner token, and a token created "as viewer" cannot write.
    assertThat(admin.post("/api/tokens", "{\"name\": \"too strong\", \"role\": \"owner\"}").status()).isEqualTo(403);
    String readOnly = admin.post("/api/tokens", "{\"name\": \"read only\", \"role\": \"viewer\"}").text("token");
    assertThat(api.bearer(readOnly).get("/api/members").status()).isEqualTo(200);
    assertThat(api.bearer(readOnly).post("/api/members", """
        {"email": "x-%s@example.com", "name": "X", "role": "viewer", "password": "member-password-1"}"""
        .formatted(UUID.randomUUID())).status()).isEqualTo(403);

    // Demoting the creator demotes the token with them.
    String adminToken = admin.post("/api/tokens", "{\"name\": \"admin token\"}").text("token");
    String adminId = api.bearer(adminToken).get("/api/me").text("userId");
    assertThat(ownerApi.put("/api/members/" + adminId, "{\"role\": \"viewer\"}").status()).isEqualTo(200);
    assertThat(api.bearer(adminToken).get("/api/me").text("role")).isEqualTo("viewer");
    assertThat(api.bearer(adminToken).put("/api/members/" + adminId, "{\"role\": \"admin\"}").status()).isEqualTo(403);
  }

  @Test
  void membersAreAddedByEmailOrCreatedAndTheLastOwnerStays() {
    var owner = api.signUp("Members Inc");
    var ownerApi = api.bearer(api.tokenFor(owner));
    var other = api.signUp("Elsewhere");

    // An existing account is invited by e-mail alone, joins by accepting, and then belongs to two workspaces.
    var invited = ownerApi.post("/api/members", """
        {"email": "%s", "role": "member"}""".formatted(other.email()));
    assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
    assertThat(invited.text("status")).isEqualTo("invited");
    assertThat(api.basic(other.email(), other.password()).get("/api/me").json().get("workspaces").size()).isEqualTo(1);
    var joined = accept(api.basic(other.email(), other.password()), invited);
    assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
    assertThat(joined.text("tenantId")).isEqualTo(owner.tenantId());
    assertThat(ownerApi.get("/api/members/" + other.userId()).text("userId")).isEqualTo(other.userId());
    assertThat(api.basic(other.email(), other.password()).get("/api/me").json().get("workspaces").size()).isEqualTo(2);
    assertThat(ownerApi.post("/api/members", """
        {"email": "%s", "role": "member"}""".formatted(other.email())).status()).isEqualTo(409);

    // A new person given a password needs a name and a good password; without a password, they are invited.
    var missing = ownerApi.post("/api/members", """
        {"email": "new-%s@example.com", "role": "viewer", "password": "short"}""".formatted(UUID.randomUUID()));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("errors").findValuesAsString("field")).contains("name", "password");
    assertThat(ownerApi.post("/api/members", """
        {"email": "new-%s@example.com", "role": "viewer"}""".formatted(UUID.randomUUID())).text("status"))
        .isEqualTo("invited");
    assertThat(ownerApi.post("/api/members", """
        {"email": "new@example.com", "role": "superuser", "name": "N", "password": "member-password-1"}""")
        .status()).isEqualTo(400);

    // The last owner can be neither demoted nor removed; with a second owner, they can.
    assertThat(ownerApi.delete("/api/members/" + owner.userId()).status()).isEqualTo(409);
    assertThat(ownerApi.put("/api/members/" + owner.userId(), "{\"role\": \"admin\"}").status()).isEqualTo(409);
    assertThat(ownerApi.put("/api/members/" + other.userId(), "{\"role\": \"owner\"}").status()).isEqualTo(200);
    assertThat(ownerApi.put("/api/members/" + owner.userId(), "{\"role\": \"admin\"}").status()).isEqualTo(200);

    // Removing a member ends their access to the workspace, and their tokens with it.
    var viewer = ownerApi.post("/api/members", """
        {"email": "v-%s@example.com", "name": "Vera", "role": "viewer", "password": "viewer-password-1"}"""
        .formatted(UUID.randomUUID()));
    var viewerAccount = new Api.Account(owner.tenantId(), viewer.text("userId"), viewer.text("email"),
        "viewer-password-1");
    String viewerToken = api.tokenFor(viewerAccount);
    assertThat(api.bearer(viewerToken).get("/api/members").status()).isEqualTo(200);
    var otherOwner = api.basic(other.email(), other.password()).tenant(owner.tenantId());
    assertThat(otherOwner.delete("/api/members/" + viewerAccount.userId()).status()).isEqualTo(204);
    assertThat(api.bearer(viewerToken).get("/api/members").status()).isEqualTo(401);
    assertThat(api.basic(viewerAccount.email(), "viewer-password-1").get("/api/me").status()).isEqualTo(403);
  }

  @Test
  void withSeveralWorkspacesTheTokenNeedsATenantId() {
    var a = api.signUp("Alpha");
    var b = api.signUp("Beta");
    var invited = api.bearer(api.tokenFor(b)).post("/api/members", """
        {"email": "%s", "role": "member"}""".formatted(a.email()));
    var basic = api.basic(a.email(), a.password());
    assertThat(accept(basic, invited).status()).isEqualTo(200);
    assertThat(basic.post("/api/tokens", "{\"name\": \"which?\"}").status()).isEqualTo(400);
    var forB = basic.post("/api/tokens", "{\"name\": \"for beta\", \"tenantId\": \"%s\"}".formatted(b.tenantId()));
    assertThat(forB.status()).isEqualTo(201);
    assertThat(forB.text("tenantId")).isEqualTo(b.tenantId());
    assertThat(forB.text("role")).isEqualTo("member");
    assertThat(api.bearer(forB.text("token")).get("/api/me").text("tenantId")).isEqualTo(b.tenantId());
    var stranger = api.signUp("Gamma");
    assertThat(basic.post("/api/tokens", "{\"name\": \"x\", \"tenantId\": \"%s\"}".formatted(stranger.tenantId()))
        .status()).isEqualTo(403);
    assertThat(basic.post("/api/tokens", "{\"name\": \"x\", \"tenantId\": \"nope\"}").status()).isEqualTo(400);
  }

  /** Accepts the invitation answered in {@code invited} (its link ends in the token) as {@code invitee}. */
  static Api.Response accept(Api invitee, Api.Response invited) {
    String url = invited.text("acceptUrl");
    return invitee.post("/api/invitations/" + url.substring(url.lastIndexOf('/') + 1) + "/accept", null);
  }

  @Test
  void wrongPasswordsAndGarbageTokensAre401() {
    var owner = api.signUp("Locks");
    assertThat(api.basic(owner.email(), "wrong-password-123").get("/api/me").status()).isEqualTo(401);
    assertThat(api.basic("nobody@example.com", "whatever-password").get("/api/me").status()).isEqualTo(401);
    assertThat(api.bearer("orb_not-a-real-token").get("/api/me").status()).isEqualTo(401);
    assertThat(api.bearer("garbage").get("/api/me").status()).isEqualTo(401);
    var r = api.get("/api/me");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.text("error")).contains("Authentication required");
  }
}
