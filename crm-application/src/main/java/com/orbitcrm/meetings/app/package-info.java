/** Use cases of the meetings module, published as the {@code meetings::app} named interface. */
@NullMarked
@NamedInterface("app")
package com.orbitcrm.meetings.app;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
