/**
 * Custom field definitions per entity type, their typed validation, and their values.
 */
@NullMarked
package com.orbitcrm.customfields;

import org.jspecify.annotations.NullMarked;
