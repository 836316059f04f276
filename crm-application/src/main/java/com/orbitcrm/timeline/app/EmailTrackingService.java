package com.orbitcrm.timeline.app;

import com.orbitcrm.platform.SignedToken;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.ActivityType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * E-mail open and click tracking. A tracking token names the workspace, the e-mail activity and (for a
 * link) the original URL, and is signed with its workspace's key (HMAC-SHA256), so it cannot be
 * guessed or altered: a click redirects only to the URL that was signed, never to one in the request.
 * Each workspace has a key of its own, kept under row-level security with its other rows. A token works
 * for {@code orbit.tracking.lifetime} (90 days) after the e-mail was logged, and only while the record it
 * is on is live: a signed link is not an open redirect for ever.
 */
@Service
public class EmailTrackingService {

  private static final byte OPEN = 'o';
  private static final byte CLICK = 'c';

  private final TrackingMarks marks;
  private final Clock clock;
  /** How long a tracked e-mail's pixel and links work after it was logged. */
  private final Duration lifetime;
  /** Keys never change once made: each workspace's is read once. */
  private final Map<TenantId, byte[]> keys = new ConcurrentHashMap<>();

  EmailTrackingService(TrackingMarks marks, Clock clock,
                       @Value("${orbit.tracking.lifetime:90d}") Duration lifetime) {
    this.marks = marks;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** A tracked e-mail's tokens: the pixel's, and one per tracked link (in the order logged). */
  public record Tokens(Optional<String> pixel, List<Link> links) {}

  public record Link(String url, String token) {}

  /** The tokens of an e-mail logged with tracking; empty ones for any other activity. */
  public Tokens tokens(Activity activity) {
    if (activity.type() != ActivityType.EMAIL) {
      return new Tokens(Optional.empty(), List.of());
    }
    boolean opens = Boolean.parseBoolean(activity.metadata().getOrDefault("trackOpens", "false"));
    String links = activity.metadata().getOrDefault("trackedLinks", "");
    return new Tokens(opens ? Optional.of(sign(OPEN, activity.tenant(), activity.id(), "")) : Optional.empty(),
        links.isEmpty() ? List.of() : Arrays.stream(links.split("\n"))
            .map(url -> new Link(url, sign(CLICK, activity.tenant(), activity.id(), url))).toList());
  }

  /** The pixel was fetched: marks the e-mail opened (the first time is kept). @return whether the token was good. */
  public boolean opened(String token) {
    return verified(token, OPEN).map(t -> inWorkspace(t, () -> mark(t, false))).orElse(false);
  }

  /** A tracked link was followed: marks the e-mail clicked. @return the signed URL to redirect to. */
  public Optional<String> clicked(String token) {
    return verified(token, CLICK).filter(t -> inWorkspace(t, () -> mark(t, true))).map(Verified::url);
  }

  private boolean mark(Verified t, boolean click) {
    return marks.mark(t.tenant(), t.activity(), click, clock.instant(), lifetime);
  }

  private static <T> T inWorkspace(Verified t, java.util.function.Supplier<T> work) {
    return TenantContext.callAs(TenantContext.Scope.system(t.tenant()), work);
  }

  record Verified(TenantId tenant, UUID activity, String url) {}

  private String sign(byte kind, TenantId tenant, UUID activity, String url) {
    byte[] urlBytes = url.getBytes(StandardCharsets.UTF_8);
    ByteBuffer payload = ByteBuffer.allocate(1 + 32 + urlBytes.length);
    payload.put(kind);
    payload.putLong(tenant.value().getMostSignificantBits()).putLong(tenant.value().getLeastSignificantBits());
    payload.putLong(activity.getMostSignificantBits()).putLong(activity.getLeastSignificantBits());
    payload.put(urlBytes);
    return SignedToken.sign(keyOf(tenant), payload.array());
  }

  /**
   * The token's content if its signature is the one its workspace's key gives. The workspace named inside
   * is not trusted until then: its key is looked up (never made) in that workspace's scope, and a token
   * naming a workspace without a key, or altered in any byte, is refused.
   */
  private Optional<Verified> verified(String token, byte kind) {
    Optional<SignedToken> signed = SignedToken.read(token);
    if (signed.isEmpty()) {
      return Optional.empty();
    }
    byte[] body = signed.get().body();
    if (body.length < 33 || body[0] != kind) {
      return Optional.empty();
    }
    ByteBuffer b = ByteBuffer.wrap(body, 1, body.length - 1);
    var tenant = new TenantId(new UUID(b.getLong(), b.getLong()));
    var activity = new UUID(b.getLong(), b.getLong());
    String url = new String(body, 33, body.length - 33, StandardCharsets.UTF_8);
    var claimed = new Verified(tenant, activity, url);
    Optional<byte[]> key = Optional.ofNullable(keys.get(tenant))
        .or(() -> inWorkspace(claimed, () -> marks.findKey(tenant)));
    if (key.isEmpty() || !signed.get().verifies(key.get())) {
      return Optional.empty();
    }
    keys.putIfAbsent(tenant, key.get());
    return Optional.of(claimed);
  }

  /** The key of a workspace that signs a token now (made on its first tracked e-mail). */
  private byte[] keyOf(TenantId tenant) {
    return keys.computeIfAbsent(tenant, marks::obtainKey);
  }
}
