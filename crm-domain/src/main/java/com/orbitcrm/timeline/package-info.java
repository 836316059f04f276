/**
 * Activities and notes attached to clients and deals, including e-mail open and click tracking.
 */
@NullMarked
package com.orbitcrm.timeline;

import org.jspecify.annotations.NullMarked;
