package com.orbitcrm.tenancy.app;

import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.tenancy.ApiToken;
import com.orbitcrm.tenancy.port.ApiTokens;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TokenSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Personal API tokens: created for the current workspace by the signed-in user, shown once, stored as
 * a hash, revoked by their owner. A token never does more than its creator may do now.
 */
@Service
public class ApiTokenService {

  /** Recording every use would turn each API read into a write; once a minute is enough to show. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final ApiTokens tokens;
  private final TransactionOperations transactions;
  private final Clock clock;

  ApiTokenService(ApiTokens tokens, TransactionOperations transactions) {
    this.tokens = tokens;
    this.transactions = transactions;
    this.clock = Clock.systemUTC();
  }

  /**
   * @param roleKey the most the token may do; {@literal null} for the creator's own role.
   */
  @Transactional
  public CreatedToken create(@Nullable String name, @Nullable String roleKey) {
    var scope = TenantContext.require();
    var check = new Validation();
    String clean = check.text("name", name, ApiToken.MAX_NAME);
    check.throwIfInvalid();
    Role role = roleKey == null || roleKey.isBlank() ? scope.role() : MemberService.parseRole("role", roleKey);
    if (!scope.role().includes(role)) {
      throw new ForbiddenException("A token cannot do more than you: your role is " + scope.role().key());
    }
    var secret = TokenSecret.generate();
    var token = new ApiToken(UUID.randomUUID(), scope.tenant(), scope.requireUser(), clean, secret.prefix(), role,
        clock.instant(), null, null);
    tokens.create(token, secret.hash());
    return new CreatedToken(token, secret.secret());
  }

  /** The current user's tokens in the current workspace, newest first. */
  @Transactional(readOnly = true)
  public List<ApiToken> mine() {
    var scope = TenantContext.require();
    return tokens.of(scope.tenant(), scope.requireUser());
  }

  @Transactional
  public void revoke(UUID id) {
    var scope = TenantContext.require();
    if (!tokens.revoke(scope.tenant(), scope.requireUser(), id)) {
      throw new NotFoundException("API token");
    }
  }

  /**
   * The identity behind a presented secret, if it is a live token of a current member: one query,
   * and a write at most once a minute to show when the token was last used.
   */
  public Optional<TokenIdentity> authenticate(String presented) {
    if (!presented.startsWith(TokenSecret.MARK) || presented.length() > 100) {
      return Optional.empty();
    }
    Optional<ApiTokens.Presented> found = transactions.execute(tx -> tokens.findByHash(TokenSecret.hash(presented)));
    if (found == null || found.isEmpty() || !found.get().token().active()) {
      return Optional.empty();
    }
    ApiToken token = found.get().token();
    Instant now = clock.instant();
    if (token.lastUsedAt() == null || token.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
      var scope = new TenantContext.Scope(token.tenant(), token.user(), Role.VIEWER);
      TenantContext.runAs(scope, () -> transactions.executeWithoutResult(tx -> tokens.touch(token.tenant(), token.id())));
    }
    return Optional.of(new TokenIdentity(token.id(), token.tenant(), token.user(),
        found.get().memberRole().atMost(token.role())));
  }
}
