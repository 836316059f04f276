/** The imports module's secondary ports (internal to the module). */
@NullMarked
package com.orbitcrm.imports.port;

import org.jspecify.annotations.NullMarked;
