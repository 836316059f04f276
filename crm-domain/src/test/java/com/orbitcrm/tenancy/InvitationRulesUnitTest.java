package com.orbitcrm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.platform.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may accept an invitation, and until when: expiry, single use, revocation, the invited address only. */
class InvitationRulesUnitTest {

  static final Instant MADE = Instant.parse("2026-11-20T10:00:00Z");
  static final EmailAddress INVITED = new EmailAddress("Nina@Example.com");
  final TenantId tenant = new TenantId(UUID.randomUUID());

  Invitation invitation() {
    return Invitation.issue(tenant, INVITED, Role.MEMBER, null, MADE, Invitation.DEFAULT_LIFETIME);
  }

  @Test
  void anInvitationIsOpenForItsLifetimeOnly() {
    var i = invitation();
    assertThat(i.expiresAt()).isEqualTo(MADE.plus(Duration.ofDays(7)));
    assertThat(i.status(MADE)).isEqualTo(Invitation.Status.PENDING);
    assertThat(i.refusalFor(INVITED, i.expiresAt().minusSeconds(1))).isEmpty();
    assertThat(i.status(i.expiresAt())).isEqualTo(Invitation.Status.EXPIRED);
    assertThat(i.refusalFor(INVITED, i.expiresAt())).contains(Invitation.Refusal.EXPIRED);
  }

  @Test
  void onlyTheInvitedAddressMayAcceptWhateverItsCase() {
    var i = invitation();
    assertThat(i.refusalFor(new EmailAddress("nina@example.com"), MADE)).isEmpty();
    assertThat(i.refusalFor(new EmailAddress("nina@example.org"), MADE)).contains(Invitation.Refusal.WRONG_ACCOUNT);
  }

  @Test
  void anAcceptedInvitationIsUsedUpAndARevokedOneClosed() {
    var i = invitation();
    var used = new Invitation(i.id(), tenant, INVITED, Role.MEMBER, null, MADE, i.expiresAt(), MADE.plusSeconds(60), null);
    assertThat(used.status(MADE.plusSeconds(120))).isEqualTo(Invitation.Status.ACCEPTED);
    assertThat(used.refusalFor(INVITED, MADE.plusSeconds(120))).contains(Invitation.Refusal.USED);
    // Used, then expired: still "used" (the more useful answer).
    assertThat(used.refusalFor(INVITED, i.expiresAt().plusSeconds(1))).contains(Invitation.Refusal.USED);

    var revoked = new Invitation(i.id(), tenant, INVITED, Role.MEMBER, null, MADE, i.expiresAt(), null, MADE.plusSeconds(60));
    assertThat(revoked.refusalFor(INVITED, MADE.plusSeconds(120))).contains(Invitation.Refusal.REVOKED);
    // A closed invitation is refused for that reason even to another account (nothing more is revealed).
    assertThat(revoked.refusalFor(new EmailAddress("x@example.com"), MADE.plusSeconds(120)))
        .contains(Invitation.Refusal.REVOKED);
  }

  @Test
  void anInvitationCannotBeBothUsedAndRevokedNorExpireBeforeItWasMade() {
    assertThatThrownBy(() -> new Invitation(UUID.randomUUID(), tenant, INVITED, Role.MEMBER, null, MADE,
        MADE.plusSeconds(60), MADE, MADE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Invitation(UUID.randomUUID(), tenant, INVITED, Role.MEMBER, null, MADE, MADE,
        null, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theConfiguredLifetimeIsBounded() {
    assertThat(Invitation.checkedLifetime(Duration.ofDays(30))).isEqualTo(Duration.ofDays(30));
    assertThatThrownBy(() -> Invitation.checkedLifetime(Duration.ofDays(91))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Invitation.checkedLifetime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Invitation.checkedLifetime(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTokenIsRandomHashedAndRecognisableByItsShape() {
    var a = InvitationToken.generate();
    var b = InvitationToken.generate();
    assertThat(a.secret()).startsWith("inv_").isNotEqualTo(b.secret());
    assertThat(a.hash()).matches("[0-9a-f]{64}").isEqualTo(TokenSecret.hash(a.secret()));
    assertThat(InvitationToken.wellFormed(a.secret())).isTrue();
    assertThat(InvitationToken.wellFormed("inv_short")).isFalse();
    assertThat(InvitationToken.wellFormed(a.secret() + "%00")).isFalse();
    assertThat(a.toString()).doesNotContain(a.secret());
  }
}
