/** The integrations module's persistence: webhook endpoints, deliveries and attempts in PostgreSQL (V20). */
@NullMarked
package com.orbitcrm.integrations.jooq;

import org.jspecify.annotations.NullMarked;
