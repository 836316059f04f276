/** The integrations module's secondary ports (internal to the module). */
@NullMarked
package com.orbitcrm.integrations.port;

import org.jspecify.annotations.NullMarked;
