/** Persistence adapter of the deals module. */
@NullMarked
package com.orbitcrm.deals.jooq;

import org.jspecify.annotations.NullMarked;
