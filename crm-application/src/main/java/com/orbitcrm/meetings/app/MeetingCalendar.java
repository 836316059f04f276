package com.orbitcrm.meetings.app;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.MeetingQuery;
import com.orbitcrm.meetings.port.CalendarFeeds;
import com.orbitcrm.meetings.port.CalendarFiles;
import com.orbitcrm.meetings.port.Meetings;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.MemberService;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Meetings in other calendars: one meeting as an {@code .ics} file, and each member's subscription feed —
 * a secret URL (only its hash is stored; a new one replaces it, revoking the old) that Google Calendar,
 * Apple Calendar and Outlook poll for the meetings the member organizes or is invited to.
 */
@Service
public class MeetingCalendar {

  /** How far back and ahead a feed reaches. */
  static final Duration FEED_PAST = Duration.ofDays(90);
  static final Duration FEED_AHEAD = Duration.ofDays(366);
  static final int FEED_MAX = 2_000;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final Meetings meetings;
  private final CalendarFeeds feeds;
  private final MeetingMessages messages;
  private final MemberService members;
  private final TransactionTemplate transactions;
  private final Clock clock;

  MeetingCalendar(Meetings meetings, CalendarFeeds feeds, MeetingMessages messages, MemberService members,
                  PlatformTransactionManager transactions, Clock clock) {
    this.meetings = meetings;
    this.feeds = feeds;
    this.messages = messages;
    this.members = members;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** One meeting as a calendar file to keep (METHOD:PUBLISH). */
  @Transactional(readOnly = true)
  public String ics(MeetingId id) {
    Meeting m = meetings.find(TenantContext.requireTenant(), id).orElseThrow(() -> new NotFoundException("Meeting"));
    return messages.calendar(m, messages.organizer(m), CalendarFiles.Method.PUBLISH, messages.meetingUrl(m));
  }

  @Transactional(readOnly = true)
  public boolean hasFeed() {
    var scope = TenantContext.require();
    return feeds.exists(scope.tenant(), scope.requireUser());
  }

  /**
   * Gives the current member a new feed key and answers it — shown once; the previous key stops working.
   * The key names its workspace (the part before the dot) so the feed can be opened without a session.
   */
  @Transactional
  public String newFeedKey() {
    var scope = TenantContext.require();
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    feeds.replace(scope.tenant(), scope.requireUser(), sha256(secret));
    ByteBuffer tenant = ByteBuffer.allocate(16);
    tenant.putLong(scope.tenant().value().getMostSignificantBits()).putLong(scope.tenant().value().getLeastSignificantBits());
    return B64.encodeToString(tenant.array()) + "." + B64.encodeToString(secret);
  }

  @Transactional
  public void revokeFeed() {
    var scope = TenantContext.require();
    feeds.revoke(scope.tenant(), scope.requireUser());
  }

  /** The feed a key opens: the member's meetings from 90 days back to a year ahead; empty for a wrong key. */
  public Optional<String> feed(String key) {
    int dot = key.indexOf('.');
    if (dot < 1 || key.length() > 200) {
      return Optional.empty();
    }
    TenantId tenant;
    byte[] secret;
    try {
      ByteBuffer b = ByteBuffer.wrap(B64D.decode(key.substring(0, dot)));
      if (b.remaining() != 16) {
        return Optional.empty();
      }
      tenant = new TenantId(new UUID(b.getLong(), b.getLong()));
      secret = B64D.decode(key.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return TenantContext.callAs(TenantContext.Scope.system(tenant), () -> transactions.execute(status -> {
      Optional<UserId> owner = feeds.owner(tenant, sha256(secret));
      if (owner.isEmpty() || !members.isMember(owner.get())) {
        return Optional.<String>empty();
      }
      Member member = members.member(owner.get());
      Instant now = clock.instant();
      var query = new MeetingQuery(now.minus(FEED_PAST), now.plus(FEED_AHEAD), null, null, null, null,
          new MeetingQuery.Participant(member.user(), member.email()), null, FEED_MAX);
      // The team once, not each meeting's organizer: a feed holds up to FEED_MAX meetings.
      Map<UserId, Member> team = members.members().stream()
          .collect(Collectors.toMap(Member::user, Function.identity(), (x, y) -> x));
      var entries = meetings.list(tenant, query).stream()
          .map(m -> messages.entry(m, Optional.ofNullable(m.organizer() == null ? null : team.get(m.organizer())),
              messages.meetingUrl(m)))
          .toList();
      return Optional.of(messages.calendarOf("Orbit — " + member.name(), entries));
    }));
  }

  static byte[] sha256(byte[] secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
