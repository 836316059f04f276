/**
 * Deals on the sales pipeline: the stage machine, values, probabilities and board ordering.
 */
@NullMarked
package com.orbitcrm.deals;

import org.jspecify.annotations.NullMarked;
