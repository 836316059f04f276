/** Web adapter of the clients module: its pages and JSON API. */
@NullMarked
package com.orbitcrm.clients.web;

import org.jspecify.annotations.NullMarked;
