/** Persistence adapter of the customfields module. */
@NullMarked
package com.orbitcrm.customfields.jooq;

import org.jspecify.annotations.NullMarked;
