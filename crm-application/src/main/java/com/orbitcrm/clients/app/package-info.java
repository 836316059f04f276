/**
 * Use cases of the clients module, published as the {@code clients::app} named interface.
 */
@NullMarked
@NamedInterface("app")
package com.orbitcrm.clients.app;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
