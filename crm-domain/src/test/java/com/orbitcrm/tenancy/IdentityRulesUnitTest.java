package com.orbitcrm.tenancy;

import com.orbitcrm.platform.EmailAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.platform.InvalidInputException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityRulesUnitTest {

  @Test
  void rolesAreOrderedAndATokenNeverExceedsItsCreator() {
    assertThat(Role.OWNER.includes(Role.ADMIN)).isTrue();
    assertThat(Role.MEMBER.includes(Role.ADMIN)).isFalse();
    assertThat(Role.ADMIN.atMost(Role.VIEWER)).isEqualTo(Role.VIEWER);
    assertThat(Role.VIEWER.atMost(Role.OWNER)).isEqualTo(Role.VIEWER);
    assertThat(Role.MEMBER.canWrite()).isTrue();
    assertThat(Role.VIEWER.canWrite()).isFalse();
    assertThat(Role.MEMBER.canAdminister()).isFalse();
    assertThat(Role.fromKey("admin")).contains(Role.ADMIN);
    assertThat(Role.fromKey("ADMIN")).isEmpty();
    assertThat(Role.fromKey("root")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "short, must be at least 10 characters",
      "aaaaaaaaaaaa, is too easy to guess: use more different characters",
      "ada@example.com-2026, must not contain your e-mail address or workspace name",
      "my-Acme-password, must not contain your e-mail address or workspace name"})
  void weakPasswordsAreRefusedWithAReason(String password, String reason) {
    assertThat(PasswordPolicy.problem(password, "ada@example.com", "Acme")).contains(reason);
  }

  @Test
  void passwordPolicyExplainsEachRule() {
    assertThat(PasswordPolicy.problem("", "a@b.co")).contains("is required");
    assertThat(PasswordPolicy.problem("short", "a@b.co")).contains("must be at least 10 characters");
    assertThat(PasswordPolicy.problem("x".repeat(129), "a@b.co")).contains("must be at most 128 characters");
    assertThat(PasswordPolicy.problem("abababababab", "a@b.co")).get().asString().contains("too easy");
    assertThat(PasswordPolicy.problem("ada@example.com!", "ada@example.com")).get().asString().contains("must not contain");
    assertThat(PasswordPolicy.problem("correct-horse-battery", "ada@example.com", "Acme")).isEmpty();
  }

  @Test
  void passwordsAttackersTryFirstAreRefused() {
    for (String common : new String[] {"1234567890", "qwertyuiop", "password12", "Password12", "iloveyou123"}) {
      assertThat(PasswordPolicy.problem(common, "ada@example.com")).as(common).get().asString().contains("common");
    }
    for (String dressed : new String[] {"Summer2026!", "!!Dragon2026", "monkey123456", "Sunshine#2027"}) {
      assertThat(PasswordPolicy.problem(dressed, "ada@example.com")).as(dressed).get().asString()
          .contains("digits or symbols added");
    }
    for (String fine : new String[] {"orbit-demo-2026", "member-password-1", "correct horse battery staple",
        "Kaffee-mit-Milch-7"}) {
      assertThat(PasswordPolicy.problem(fine, "ada@example.com", "Acme")).as(fine).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "a@b", "a b@c.de", "@example.com", "ada@-example.com", "ada@example..com"})
  void malformedAddressesAreRefused(String raw) {
    assertThat(EmailAddress.problem(raw)).isPresent();
    assertThatThrownBy(() -> new EmailAddress(raw)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addressesAreNormalised() {
    assertThat(new EmailAddress("  Ada.Lovelace+crm@Example.COM ").value()).isEqualTo("ada.lovelace+crm@example.com");
    assertThat(EmailAddress.problem("a".repeat(250) + "@x.com")).contains("must be at most 255 characters");
  }

  @Test
  void tokenSecretsAreRandomAndOnlyTheirHashIsKept() {
    var one = TokenSecret.generate();
    var two = TokenSecret.generate();
    assertThat(one.secret()).startsWith("orb_").hasSize(4 + 43).isNotEqualTo(two.secret());
    assertThat(one.hash()).matches("[0-9a-f]{64}").isEqualTo(TokenSecret.hash(one.secret()));
    assertThat(one.prefix()).isEqualTo(one.secret().substring(0, 10));
    assertThat(one.toString()).doesNotContain(one.secret());
  }

  @Test
  void aWorkspaceNeedsAName() {
    var id = new TenantId(UUID.randomUUID());
    assertThat(new Workspace(id, "  Acme  ").name()).isEqualTo("Acme");
    assertThatThrownBy(() -> new Workspace(id, " ")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Workspace(id, "x".repeat(256))).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void initialsTakeTwoWords() {
    assertThat(Initials.of("Ada Lovelace")).isEqualTo("AL");
    assertThat(Initials.of(" cher ")).isEqualTo("C");
    assertThat(Initials.of("Jean Luc Picard")).isEqualTo("JL");
  }
}
