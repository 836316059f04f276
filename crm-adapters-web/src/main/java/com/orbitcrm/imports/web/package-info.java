/** The imports module's web adapter: {@code /api/imports} and the import pages. */
@NullMarked
package com.orbitcrm.imports.web;

import org.jspecify.annotations.NullMarked;
