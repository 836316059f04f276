package com.orbitcrm.integrations.schedule;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered ({@code orbit.webhooks.*}).
 *
 * @param enabled whether this instance sends deliveries (another instance may do it for all).
 * @param allowPrivateNetworks whether destinations on private, loopback and link-local addresses are allowed (a
 *     test receiver on 127.0.0.1; never in production).
 * @param retryDelays the pauses after each failed attempt (empty: the Standard Webhooks schedule, about a day).
 * @param pollInterval how often an instance asks the queue for due attempts.
 * @param threads attempts sent at once by this instance.
 */
@ConfigurationProperties("orbit.webhooks")
public record WebhookProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("false") boolean allowPrivateNetworks,
    @DefaultValue List<Duration> retryDelays,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("4") int threads) {}
