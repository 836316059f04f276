/** Web adapter of the timeline module: the timeline and notes sections, their JSON API, e-mail tracking. */
@NullMarked
package com.orbitcrm.timeline.web;

import org.jspecify.annotations.NullMarked;
