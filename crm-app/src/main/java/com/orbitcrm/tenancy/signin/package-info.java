/**
 * Signing in across instances: the sign-in policy from {@code orbit.sign-in.*}, and the browser sessions kept in
 * PostgreSQL by Spring Session JDBC (behind tenancy's {@code AccountSessions} port, so that the use cases never
 * see a Spring Session type).
 */
@NullMarked
package com.orbitcrm.tenancy.signin;

import org.jspecify.annotations.NullMarked;
