/** Persistence adapter of the meetings module: meetings and attendees, feed keys, answer-link keys. */
@NullMarked
package com.orbitcrm.meetings.jooq;

import org.jspecify.annotations.NullMarked;
