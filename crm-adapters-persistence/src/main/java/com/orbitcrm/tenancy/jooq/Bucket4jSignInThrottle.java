package com.orbitcrm.tenancy.jooq;

import com.orbitcrm.tenancy.SignInPolicy.Limit;
import com.orbitcrm.tenancy.port.SignInThrottle;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Repository;

/**
 * Sign-in and reset-link limits as Bucket4j token buckets kept in PostgreSQL by Bucket4j's own proxy manager
 * (select … for update on sign_in_buckets, V12), so that every instance draws from the same bucket and a
 * restart forgets nothing. Bucket4j works on plain JDBC connections of the application's pool (as the
 * application role; the table is global, without row-level security), each call a short transaction of its own
 * — callers must not hold a transaction of theirs around it, or one sign-in would hold two connections.
 *
 * <p>A bucket of {@code attempts} tokens is refilled evenly over the window ({@code refillGreedy}); its row
 * records when it will be full again ({@code expires_at}), after which housekeeping deletes it.
 */
@Repository
class Bucket4jSignInThrottle implements SignInThrottle {

  private static final int CLEAN_BATCH = 1000;
  private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

  Bucket4jSignInThrottle(DataSource dataSource) {
    this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table("sign_in_buckets")
        .idColumn("id")
        .stateColumn("state")
        .expiresAtColumn("expires_at")
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
        .build();
  }

  @Override
  public Optional<Duration> take(String key, Limit limit) {
    ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  @Override
  public void giveBack(String key, Limit limit) {
    bucket(key, limit).addTokens(1); // never above the capacity
  }

  @Override
  public void forget(String key) {
    buckets.removeProxy(key);
  }

  @Override
  public int deleteFull() {
    int total = 0;
    for (int round = 0; round < 100; round++) {
      int removed = buckets.removeExpired(CLEAN_BATCH);
      total += removed;
      if (removed < CLEAN_BATCH) {
        break;
      }
    }
    return total;
  }

  private BucketProxy bucket(String key, Limit limit) {
    return buckets.builder().build(key, () -> BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(limit.attempts()).refillGreedy(limit.attempts(), limit.window()).build())
        .build());
  }
}
