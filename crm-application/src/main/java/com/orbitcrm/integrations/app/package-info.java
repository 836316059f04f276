/** Use cases of the integrations module, published as the {@code integrations::app} named interface. */
@NullMarked
@NamedInterface("app")
package com.orbitcrm.integrations.app;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
