/** Persistence adapter of the clients module. */
@NullMarked
package com.orbitcrm.clients.jooq;

import org.jspecify.annotations.NullMarked;
