/** Use cases of the insights module, published as the {@code insights::app} named interface. */
@NullMarked
@NamedInterface("app")
package com.orbitcrm.insights.app;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
