/**
 * Workspaces (tenants), users, memberships with roles, API tokens and the tenant of the current request.
 */
@NullMarked
package com.orbitcrm.tenancy;

import org.jspecify.annotations.NullMarked;
