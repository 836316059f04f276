/** Web adapter of the deals module: its pages and JSON API. */
@NullMarked
package com.orbitcrm.deals.web;

import org.jspecify.annotations.NullMarked;
