/** Use cases of the imports module, published as the {@code imports::app} named interface. */
@NullMarked
@NamedInterface("app")
package com.orbitcrm.imports.app;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
