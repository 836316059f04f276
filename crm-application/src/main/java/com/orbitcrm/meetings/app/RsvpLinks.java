package com.orbitcrm.meetings.app;

import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.port.MeetingKeys;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.platform.SignedToken;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The links attendees answer through without signing in: each names a workspace, a meeting and the
 * invited address, signed with the workspace's key, so it answers for that one person and that one
 * meeting only, and an altered byte makes it worthless.
 */
@Component
public class RsvpLinks {

  private static final byte KIND = 'r';

  private final MeetingKeys keys;
  private final TransactionTemplate transactions;
  private final Map<TenantId, byte[]> cache = new ConcurrentHashMap<>();

  RsvpLinks(MeetingKeys keys, PlatformTransactionManager transactions) {
    this.keys = keys;
    this.transactions = new TransactionTemplate(transactions);
  }

  /** What a verified link answers for. */
  public record Invitation(TenantId tenant, MeetingId meeting, EmailAddress email) {}

  /** The token of {@code email}'s link to answer {@code meeting}, in the current workspace. */
  public String token(MeetingId meeting, EmailAddress email) {
    TenantId tenant = TenantContext.requireTenant();
    byte[] address = email.value().getBytes(StandardCharsets.UTF_8);
    ByteBuffer body = ByteBuffer.allocate(1 + 32 + address.length);
    body.put(KIND);
    body.putLong(tenant.value().getMostSignificantBits()).putLong(tenant.value().getLeastSignificantBits());
    body.putLong(meeting.value().getMostSignificantBits()).putLong(meeting.value().getLeastSignificantBits());
    body.put(address);
    byte[] key = cache.computeIfAbsent(tenant, t -> transactions.execute(status -> keys.obtain(t)));
    return SignedToken.sign(key, body.array());
  }

  /** The invitation a token answers for, if its workspace's key signed it. */
  public Optional<Invitation> verify(String token) {
    var signed = SignedToken.read(token);
    if (signed.isEmpty() || signed.get().body().length < 34 || signed.get().body()[0] != KIND) {
      return Optional.empty();
    }
    byte[] body = signed.get().body();
    ByteBuffer b = ByteBuffer.wrap(body, 1, 32);
    var tenant = new TenantId(new UUID(b.getLong(), b.getLong()));
    var meeting = new MeetingId(new UUID(b.getLong(), b.getLong()));
    String address = new String(body, 33, body.length - 33, StandardCharsets.UTF_8);
    if (EmailAddress.problem(address).isPresent()) {
      return Optional.empty();
    }
    // The workspace named inside is not trusted yet: its key is looked up (never made) in its own scope.
    Optional<byte[]> key = Optional.ofNullable(cache.get(tenant)).or(() -> TenantContext.callAs(
        TenantContext.Scope.system(tenant), () -> transactions.execute(status -> keys.find(tenant))));
    if (key.isEmpty() || !signed.get().verifies(key.get())) {
      return Optional.empty();
    }
    cache.putIfAbsent(tenant, key.get());
    return Optional.of(new Invitation(tenant, meeting, new EmailAddress(address)));
  }
}
