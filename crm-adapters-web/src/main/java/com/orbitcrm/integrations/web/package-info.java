/** The integrations module's web adapter: {@code /api/webhooks} and Settings → Integrations. */
@NullMarked
package com.orbitcrm.integrations.web;

import org.jspecify.annotations.NullMarked;
