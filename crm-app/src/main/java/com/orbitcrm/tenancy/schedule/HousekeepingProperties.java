package com.orbitcrm.tenancy.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the housekeeping jobs run ({@code orbit.housekeeping.*}).
 *
 * @param enabled whether this instance runs housekeeping jobs (another instance may do it for all).
 * @param trashInterval the pause between two purges of expired trash.
 * @param redeliverAfter how long an event may stay undelivered before it is delivered again; also the pause
 *                       between two looks for such events.
 * @param cleanupInterval the pause between two deletions of old completed event publications.
 * @param signInInterval the pause between two clean-ups of the sign-in tables (old runs of failures, full
 *                       buckets, reset links expired a day ago).
 * @param pollInterval how often an instance asks the table whether a job is due.
 */
@ConfigurationProperties("orbit.housekeeping")
public record HousekeepingProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("6h") Duration trashInterval,
    @DefaultValue("5m") Duration redeliverAfter,
    @DefaultValue("6h") Duration cleanupInterval,
    @DefaultValue("1h") Duration signInInterval,
    @DefaultValue("30s") Duration pollInterval) {

  public HousekeepingProperties {
    for (Duration d : new Duration[] {trashInterval, redeliverAfter, cleanupInterval, signInInterval, pollInterval}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("orbit.housekeeping durations must be positive, was " + d);
      }
    }
  }
}
