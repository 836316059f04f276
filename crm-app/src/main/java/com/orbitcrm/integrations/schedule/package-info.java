/**
 * Webhook deliveries on db-scheduler (table {@code scheduled_webhooks}, V20): one execution per due attempt, the
 * outbound HTTP transport, and the module's settings ({@code orbit.webhooks.*}).
 */
@NullMarked
package com.orbitcrm.integrations.schedule;

import org.jspecify.annotations.NullMarked;
