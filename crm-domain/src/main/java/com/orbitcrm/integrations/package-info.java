/**
 * Integrations: webhook endpoints admins register, the event types they subscribe to, the Standard Webhooks
 * signature, the rule for which destinations may be called, and the retry schedule of a delivery. Pure rules; the
 * use cases are in {@code integrations.app}.
 */
@NullMarked
package com.orbitcrm.integrations;

import org.jspecify.annotations.NullMarked;
