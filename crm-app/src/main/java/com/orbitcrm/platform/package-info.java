/**
 * What every module stands on: the database server and its pools, transactions scoped to a tenant,
 * security wiring and the page shell. It depends on no business module.
 */
@NullMarked
package com.orbitcrm.platform;

import org.jspecify.annotations.NullMarked;
