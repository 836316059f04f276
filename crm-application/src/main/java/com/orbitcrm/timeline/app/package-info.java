/** Use cases of the timeline module, published as the {@code timeline::app} named interface. */
@NullMarked
@NamedInterface("app")
package com.orbitcrm.timeline.app;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
