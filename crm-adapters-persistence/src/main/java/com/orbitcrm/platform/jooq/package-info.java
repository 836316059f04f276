/** What the persistence adapters of several modules share: workspace secrets. */
@NullMarked
package com.orbitcrm.platform.jooq;

import org.jspecify.annotations.NullMarked;
