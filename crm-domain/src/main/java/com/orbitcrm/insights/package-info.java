/**
 * Dashboard metrics and the pipeline forecast.
 */
@NullMarked
package com.orbitcrm.insights;

import org.jspecify.annotations.NullMarked;
