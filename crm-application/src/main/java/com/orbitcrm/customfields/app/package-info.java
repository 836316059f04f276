/**
 * Use cases of the customfields module, published as the {@code customfields::app} named interface.
 */
@NullMarked
@NamedInterface("app")
package com.orbitcrm.customfields.app;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
