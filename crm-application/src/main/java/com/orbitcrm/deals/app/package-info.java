/** Use cases of the deals module, published as the {@code deals::app} named interface. */
@NullMarked
@NamedInterface("app")
package com.orbitcrm.deals.app;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
