/**
 * What the persistence adapters of several modules share: workspace secrets. Published to their adapters
 * as the {@code platform::jooq} named interface.
 */
@NullMarked
@NamedInterface("jooq")
package com.orbitcrm.platform.jooq;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
