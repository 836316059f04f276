/** Web adapter of the meetings module: its pages and JSON API. */
@NullMarked
package com.orbitcrm.meetings.web;

import org.jspecify.annotations.NullMarked;
