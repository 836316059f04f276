package com.orbitcrm.tenancy;

import static com.orbitcrm.FormClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.Api;
import com.orbitcrm.FormClient;
import com.orbitcrm.OrbitIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orbitcrm.buildtools.TestPostgres;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Password guessing, the real application on a random port, every count in the database: the form, HTTP Basic and
 * Basic on {@code POST /api/tokens} all answer "too many attempts" after the account's 5 failures (the right
 * password too), an unknown e-mail the same way, a client address after 50; 20 failures in a row lock the e-mail
 * (read back from the database by a second connection), an admin unlocks it, and the owner sees their failures.
 * Every client here is 127.0.0.1, which every other test shares: the buckets and locks are cleared around each test.
 */
@OrbitIntegrationTest
class SignInProtectionIntegrationTest {

  static final String THROTTLED = "Too many sign-in attempts.";
  final JdbcTemplate owner = new JdbcTemplate(TestPostgres.database().ownerDataSource());

  @LocalServerPort int port;
  Api api;
  Api.Account ada;

  @BeforeEach
  void account() {
    forgetAllCounts();
    api = new Api(port);
    ada = api.signUp("Guarded " + UUID.randomUUID().toString().substring(0, 6));
  }

  @AfterEach
  void forgetAllCounts() {
    owner.update("delete from sign_in_buckets");
    owner.update("delete from sign_in_locks");
  }

  @Test
  void afterFiveWrongPasswordsOnTheFormEvenTheRightOneIsAnsweredTooManyAttempts() {
    var browser = new FormClient(port);
    for (int i = 0; i < 5; i++) {
      var wrong = browser.signIn(ada.email(), "not-the-password-" + i);
      assertThat(wrong.location()).as("attempt %d", i + 1).endsWith("/login?error");
    }
    var right = browser.signIn(ada.email(), ada.password());
    assertThat(right.location()).contains("/login?throttled&wait=");
    long minutes = Long.parseLong(right.location().replaceAll(".*wait=", ""));
    assertThat(minutes).isBetween(1L, 3L); // one attempt more every 15 / 5 minutes
    var page = browser.get(right.location().replaceAll("^https?://[^/]+", ""));
    assertThat(page.body()).contains(THROTTLED).contains("data-testid=\"sign-in-refused\"");
    assertThat(browser.get("/settings/profile").status()).as("not signed in").isEqualTo(302);

    // The same account is refused on the API too, with the right password: the count is the account's.
    var basic = api.basic(ada.email(), ada.password()).get("/api/me");
    assertThat(basic.status()).isEqualTo(429);
    assertThat(basic.contentType()).startsWith("application/problem+json");
    assertThat(basic.text("error")).startsWith(THROTTLED);
  }

  @Test
  void httpBasicAndTokenCreationCountTooAndAnswer429WithRetryAfter() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(api.basic(ada.email(), "wrong-password-" + i).get("/api/me").status()).isEqualTo(401);
    }
    for (int i = 0; i < 2; i++) {
      assertThat(api.basic(ada.email(), "wrong-password-x" + i).post("/api/tokens", "{\"name\": \"guess\"}").status())
          .isEqualTo(401);
    }
    var refused = rawBasic("/api/tokens", ada.email(), ada.password());
    assertThat(refused.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 180L);
    assertThat(refused.body()).contains(THROTTLED);
    assertThat(api.basic(ada.email(), ada.password()).get("/api/me").status()).isEqualTo(429);

    // The owner's failures are logged with the way they came in: three by Basic, two asking for a token.
    assertThat(owner.queryForList("select channel from sign_in_failures where user_id = ?::uuid order by id",
        String.class, ada.userId())).containsExactly("api", "api", "api", "api_token", "api_token");
  }

  @Test
  void anEmailNoAccountHasIsAnsweredExactlyTheSameWay() {
    String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
    for (int i = 0; i < 5; i++) {
      assertThat(api.basic(nobody, "whatever-password").get("/api/me").status()).isEqualTo(401);
      assertThat(api.basic(ada.email(), "whatever-password").get("/api/me").status()).isEqualTo(401);
    }
    var unknown = api.basic(nobody, "whatever-password").get("/api/me");
    var known = api.basic(ada.email(), ada.password()).get("/api/me");
    assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(429);
    assertThat(unknown.text("error")).isEqualTo(known.text("error"));
  }

  @Test
  void aSuccessGivesTheAccountItsAttemptsBack() {
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 4; i++) {
        assertThat(api.basic(ada.email(), "wrong-password-" + i).get("/api/me").status()).isEqualTo(401);
      }
      assertThat(api.basic(ada.email(), ada.password()).get("/api/me").status()).as("round %d", round).isEqualTo(200);
    }
    assertThat(owner.queryForObject("select count(*) from sign_in_locks where email = ?", Integer.class, ada.email()))
        .as("the run of failures ended").isZero();
  }

  @Test
  void twentyFailuresInARowLockTheAccountInTheDatabaseUntilAnAdminUnlocksIt() {
    var ownerApi = api.bearer(api.tokenFor(ada));
    String sam = "sam-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    var added = ownerApi.post("/api/members", """
        {"email": "%s", "name": "Sam Member", "role": "member", "password": "sams-own-password-1"}""".formatted(sam));
    assertThat(added.status()).isEqualTo(201);
    String samId = added.text("userId");
    // Nineteen failures in a row already happened (slowly, as the throttle allows); the twentieth locks.
    owner.update("insert into sign_in_locks (email, consecutive_failures, last_failure_at) values (?, 19, now())", sam);
    assertThat(api.basic(sam, "the-twentieth-guess").get("/api/me").status()).isEqualTo(401);
    var locked = api.basic(sam, "sams-own-password-1").get("/api/me");
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.text("error")).contains("locked");

    // A second look, straight at the database: the lock is there, for an hour, whichever instance asks.
    var row = owner.queryForMap("select consecutive_failures, locked_until from sign_in_locks where email = ?", sam);
    assertThat(row.get("consecutive_failures")).isEqualTo(20);
    Instant until = ((Timestamp) row.get("locked_until")).toInstant();
    assertThat(until).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3601));
    // The throttle's buckets are in the database too.
    assertThat(owner.queryForObject("select count(*) from sign_in_buckets where id = ?", Integer.class,
        "sign-in:account:" + sam)).isOne();

    // The owner sees the badge and unlocks.
    var admin = new FormClient(port);
    assertThat(admin.signIn(ada.email(), ada.password()).location()).endsWith("/dashboard");
    var members = admin.get("/settings/members");
    assertThat(members.body()).contains("data-testid=\"locked-badge\"");
    var unlocked = admin.post("/settings/members/" + samId + "/unlock", form());
    assertThat(unlocked.status()).isEqualTo(302);
    assertThat(admin.get("/settings/members").body()).doesNotContain("data-testid=\"locked-badge\"");
    assertThat(api.basic(sam, "sams-own-password-1").get("/api/me").status()).isEqualTo(200);
  }

  @Test
  void aClientAddressIsStoppedAfterFiftyFailuresWhateverTheEmails() {
    Instant started = Instant.now();
    for (int i = 0; i < 50; i++) {
      String someone = "spray-" + (i / 5) + "@example.com"; // five each: no e-mail reaches its own limit alone
      assertThat(api.basic(someone, "spring-2026-guess").get("/api/me").status()).as("failure %d", i + 1).isEqualTo(401);
    }
    // The address earns one more attempt per interval meanwhile: on a slow machine the fifty took that long, so
    // spend what it earned (without asserting on timing) before the limit must show.
    long earned = Duration.between(started, Instant.now()).toMillis()
        / SignInPolicy.DEFAULT.address().oneMoreAfter().toMillis() + 1;
    for (long i = 0; i < earned; i++) {
      assertThat(api.basic("spray-extra@example.com", "spring-2026-guess").get("/api/me").status()).isIn(401, 429);
    }
    var stopped = api.basic(ada.email(), ada.password()).get("/api/me");
    assertThat(stopped.status()).isEqualTo(429);
    assertThat(stopped.text("error")).startsWith(THROTTLED);
  }

  @Test
  void theOwnerSeesTheirFailedSignInsAndTheLockOnTheirProfile() {
    assertThat(api.basic(ada.email(), "a-wrong-one-1").get("/api/me").status()).isEqualTo(401);
    var browser = new FormClient(port);
    assertThat(browser.signIn(ada.email(), "a-wrong-one-2").location()).endsWith("/login?error");
    assertThat(browser.signIn(ada.email(), ada.password()).location()).endsWith("/dashboard");
    var profile = browser.get("/settings/profile");
    assertThat(profile.status()).isEqualTo(200);
    assertThat(profile.body()).contains("data-testid=\"failed-sign-ins\"").contains("127.0.0.1")
        .contains("Sign-in page").contains("API (HTTP Basic)").doesNotContain("data-testid=\"account-locked\"");

    // Locked while signed in elsewhere (a session stays): the profile says so.
    owner.update("insert into sign_in_locks (email, consecutive_failures, last_failure_at, locked_until) "
        + "values (?, 20, now(), now() + interval '30 minutes')", ada.email());
    assertThat(browser.get("/settings/profile").body()).contains("data-testid=\"account-locked\"");
  }

  @Test
  void withMailOffTheForgotPageSaysSoAndAnAdminMakesALinkShownOnce() {
    var anonymous = new FormClient(port);
    var forgot = anonymous.get("/password/forgot");
    assertThat(forgot.status()).isEqualTo(200);
    assertThat(forgot.body()).contains("data-testid=\"reset-mail-off\"").contains("Settings → Members");
    assertThat(anonymous.get("/login").body()).contains("href=\"/password/forgot\"");

    var ownerApi = api.bearer(api.tokenFor(ada));
    String mia = "mia-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    String miaId = ownerApi.post("/api/members", """
        {"email": "%s", "name": "Mia Member", "role": "member", "password": "mias-old-password-1"}""".formatted(mia))
        .text("userId");
    var admin = new FormClient(port);
    admin.signIn(ada.email(), ada.password());
    assertThat(admin.get("/settings/members").body()).contains("data-testid=\"make-reset-link\"");
    var made = admin.post("/settings/members/" + miaId + "/reset-link", form());
    assertThat(made.status()).isEqualTo(201);
    var link = java.util.regex.Pattern.compile("http://localhost:\\d+/password/reset/([A-Za-z0-9_-]{43})")
        .matcher(made.body());
    assertThat(link.find()).as(made.body()).isTrue();
    assertThat(owner.queryForObject("select created_by from password_resets where user_id = ?::uuid", UUID.class, miaId))
        .isEqualTo(UUID.fromString(ada.userId()));
    // Shown once: the page does not keep it.
    assertThat(admin.get("/settings/members").body()).doesNotContain(link.group(1));

    assertThat(api.post("/api/password-reset/" + link.group(1), "{\"password\": \"mias-new-password-2\"}").status())
        .isEqualTo(204);
    assertThat(api.basic(mia, "mias-old-password-1").get("/api/me").status()).isEqualTo(401);
    assertThat(api.basic(mia, "mias-new-password-2").get("/api/me").status()).isEqualTo(200);

    // Not for someone who also belongs to another workspace: that would hand over their access there.
    var other = api.signUp("Elsewhere");
    var invited = api.bearer(api.tokenFor(other)).post("/api/members", """
        {"email": "%s", "role": "member"}""".formatted(mia));
    String token = invited.text("acceptUrl").substring(invited.text("acceptUrl").lastIndexOf('/') + 1);
    assertThat(api.basic(mia, "mias-new-password-2").post("/api/invitations/" + token + "/accept", null).status())
        .isEqualTo(200);
    var refused = admin.post("/settings/members/" + miaId + "/reset-link", form());
    assertThat(refused.status()).isEqualTo(302);
    assertThat(admin.get("/settings/members").body()).contains("also belongs to other workspaces");
  }

  private java.net.http.HttpResponse<String> rawBasic(String path, String email, String password) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            (email + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"x\"}")).build();
    return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
  }
}
