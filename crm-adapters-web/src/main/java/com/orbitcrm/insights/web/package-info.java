/** Web adapter of the insights module: its pages and JSON API. */
@NullMarked
package com.orbitcrm.insights.web;

import org.jspecify.annotations.NullMarked;
