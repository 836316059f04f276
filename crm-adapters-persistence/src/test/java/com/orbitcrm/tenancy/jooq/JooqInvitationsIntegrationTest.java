package com.orbitcrm.tenancy.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.Invitation;
import com.orbitcrm.tenancy.InvitationToken;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.testing.AppRoleDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orbitcrm.buildtools.TestPostgres;

/**
 * Invitations as the application role on the real schema: a workspace sees only its own; a link's holder sees
 * exactly the one invitation (and its workspace's name) their token hashes to; a person sees only the open
 * invitations to their own address; an invitation is used once; one open invitation per address.
 */
class JooqInvitationsIntegrationTest {

  static TenantId acme;
  static TenantId globex;
  static UserId nina;
  static String ninaEmail;

  interface Work<T> {
    T run(JooqInvitations invitations, DSLContext dsl);
  }

  @BeforeAll
  static void twoWorkspacesAndAPerson() throws SQLException {
    acme = AppRoleDatabase.newWorkspace();
    globex = AppRoleDatabase.newWorkspace();
    nina = new UserId(UUID.randomUUID());
    ninaEmail = "nina-" + nina + "@example.com";
    try (var c = TestPostgres.database().appDataSource().getConnection();
        var st = c.prepareStatement("insert into users (id, email, name, password_hash) values (?, ?, 'Nina', 'x')")) {
      st.setObject(1, nina.value());
      st.setString(2, ninaEmail);
      st.execute();
    }
  }

  /** One transaction as the application role, in {@code tenant} (or none), as the transaction manager begins it. */
  static <T> T in(@Nullable TenantId tenant, Work<T> work) {
    try (Connection c = TestPostgres.database().appDataSource().getConnection()) {
      c.setAutoCommit(false);
      DSLContext dsl = DSL.using(c, SQLDialect.POSTGRES);
      if (tenant != null) {
        dsl.fetch("select set_config('orbit.tenant_id', ?, true)", tenant.toString());
      }
      TransactionScopes.begin(tenant == null ? null : TenantContext.Scope.system(tenant));
      try {
        T result = work.run(new JooqInvitations(dsl), dsl);
        c.commit();
        return result;
      } catch (RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        TransactionScopes.end();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static Invitation invitation(TenantId tenant, String email) {
    return Invitation.issue(tenant, new EmailAddress(email), Role.MEMBER, null,
        Instant.now().truncatedTo(ChronoUnit.MILLIS), Invitation.DEFAULT_LIFETIME);
  }

  static void create(TenantId tenant, Invitation invitation, String hash) {
    in(tenant, (JooqInvitations i, DSLContext dsl) -> {
      i.create(invitation, hash);
      return null;
    });
  }

  @Test
  void aWorkspaceSeesAndChangesOnlyItsOwnInvitations() {
    var ours = invitation(acme, "a-" + UUID.randomUUID() + "@example.com");
    var theirs = invitation(globex, "b-" + UUID.randomUUID() + "@example.com");
    create(acme, ours, InvitationToken.generate().hash());
    create(globex, theirs, InvitationToken.generate().hash());

    assertThat(in(acme, (JooqInvitations i, DSLContext dsl) -> i.open(acme))).extracting(Invitation::id).contains(ours.id())
        .doesNotContain(theirs.id());
    assertThat(in(acme, (JooqInvitations i, DSLContext dsl) -> i.open(globex))).isEmpty();
    assertThat(in(acme, (JooqInvitations i, DSLContext dsl) -> i.lock(globex, theirs.id()))).isEmpty();
    assertThat(in(acme, (JooqInvitations i, DSLContext dsl) -> i.revoke(globex, theirs.id()))).isFalse();
    assertThat(in(acme, (JooqInvitations i, DSLContext dsl) -> i.markAccepted(globex, theirs.id(), nina))).isFalse();
    assertThat(in(globex, (JooqInvitations i, DSLContext dsl) -> i.lock(globex, theirs.id()))).get().satisfies(t -> {
      assertThat(t.revokedAt()).isNull();
      assertThat(t.acceptedAt()).isNull();
    });
    assertThat(in(null, (JooqInvitations i, DSLContext dsl) -> i.open(acme))).as("no workspace, no rows").isEmpty();
  }

  @Test
  void aTokensHolderSeesExactlyItsInvitationAndItsWorkspaceName() {
    var token = InvitationToken.generate();
    var ours = invitation(acme, "c-" + UUID.randomUUID() + "@example.com");
    create(acme, ours, token.hash());
    create(globex, invitation(globex, "d-" + UUID.randomUUID() + "@example.com"), InvitationToken.generate().hash());

    var found = in(null, (JooqInvitations i, DSLContext dsl) -> i.findByTokenHash(token.hash())).orElseThrow();
    assertThat(found.invitation().id()).isEqualTo(ours.id());
    assertThat(found.invitation().email()).isEqualTo(ours.email());
    assertThat(found.workspaceName()).isEqualTo("Test workspace");
    // The door shows the one row behind the hash, nothing else (and no other workspace).
    assertThat(in(null, (JooqInvitations i, DSLContext dsl) -> {
      i.findByTokenHash(token.hash());
      return dsl.fetchValue("select count(*) from invitations", Long.class);
    })).isEqualTo(1L);
    assertThat(in(null, (JooqInvitations i, DSLContext dsl) -> {
      i.findByTokenHash(token.hash());
      return dsl.fetchValue("select count(*) from tenants", Long.class);
    })).isEqualTo(1L);
    assertThat(in(null, (JooqInvitations i, DSLContext dsl) -> i.findByTokenHash(InvitationToken.generate().hash()))).isEmpty();
    // Seeing is not changing: the door is read-only.
    assertThat(in(null, (JooqInvitations i, DSLContext dsl) -> {
      i.findByTokenHash(token.hash());
      return dsl.execute("update invitations set revoked_at = now()");
    })).isZero();
  }

  @Test
  void aPersonSeesTheOpenInvitationsToTheirAddressOnlyAndEachIsUsedOnce() {
    var toNina = invitation(acme, ninaEmail);
    in(acme, (JooqInvitations i, DSLContext dsl) -> {
      i.revokeOpen(acme, toNina.email());
      i.create(toNina, InvitationToken.generate().hash());
      return null;
    });
    create(globex, invitation(globex, "e-" + UUID.randomUUID() + "@example.com"), InvitationToken.generate().hash());

    var mine = in(null, (JooqInvitations i, DSLContext dsl) -> i.openFor(nina));
    assertThat(mine).extracting(o -> o.invitation().id()).containsExactly(toNina.id());
    assertThat(mine.get(0).workspaceName()).isEqualTo("Test workspace");
    assertThat(in(null, (JooqInvitations i, DSLContext dsl) -> {
      i.openFor(nina);
      return dsl.fetchValue("select count(*) from invitations", Long.class);
    })).as("only one's own").isEqualTo(1L);

    assertThat(in(acme, (JooqInvitations i, DSLContext dsl) -> i.markAccepted(acme, toNina.id(), nina))).isTrue();
    assertThat(in(acme, (JooqInvitations i, DSLContext dsl) -> i.markAccepted(acme, toNina.id(), nina))).as("used once").isFalse();
    assertThat(in(acme, (JooqInvitations i, DSLContext dsl) -> i.revoke(acme, toNina.id()))).as("a used invitation stays used").isFalse();
    assertThat(in(null, (JooqInvitations i, DSLContext dsl) -> i.openFor(nina))).isEmpty();
    assertThat(in(acme, (JooqInvitations i, DSLContext dsl) -> i.lock(acme, toNina.id()))).get()
        .satisfies(t -> assertThat(t.acceptedAt()).isNotNull());
  }

  @Test
  void oneOpenInvitationPerAddressAndReplacingRevokesTheOldOne() {
    String email = "f-" + UUID.randomUUID() + "@example.com";
    var first = invitation(acme, email);
    var second = invitation(acme, email);
    create(acme, first, InvitationToken.generate().hash());
    assertThatThrownBy(() -> create(acme, second, InvitationToken.generate().hash()))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("invitations_open_email_key");
    in(acme, (JooqInvitations i, DSLContext dsl) -> {
      i.revokeOpen(acme, new EmailAddress(email));
      i.create(second, InvitationToken.generate().hash());
      return null;
    });
    assertThat(in(acme, (JooqInvitations i, DSLContext dsl) -> i.open(acme))).extracting(Invitation::id).contains(second.id())
        .doesNotContain(first.id());
    assertThat(in(acme, (JooqInvitations i, DSLContext dsl) -> i.lock(acme, first.id()))).get()
        .satisfies(t -> assertThat(t.revokedAt()).isNotNull());
  }
}
