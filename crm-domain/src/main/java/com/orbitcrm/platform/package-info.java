/**
 * The shared kernel every module may use: the errors a use case can answer with. Also the home of the
 * application's infrastructure in the outer rings (database, security wiring, page shell).
 */
@NullMarked
package com.orbitcrm.platform;

import org.jspecify.annotations.NullMarked;
