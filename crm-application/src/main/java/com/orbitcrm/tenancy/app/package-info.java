/**
 * Use cases of the tenancy module: signing up, signing in, members and roles, API tokens. These
 * services are the module's primary ports, published as the {@code tenancy::app} named interface.
 */
@NullMarked
@NamedInterface("app")
package com.orbitcrm.tenancy.app;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
