/**
 * Persistence adapter of the tenancy module: scopes every transaction to the current tenant.
 */
@NullMarked
package com.orbitcrm.tenancy.jooq;

import org.jspecify.annotations.NullMarked;
