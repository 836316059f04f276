/**
 * Demo data: on first start, a demo workspace with a known login, filled so every screen has
 * something to show. Turned off with {@code orbit.demo.enabled=false}.
 */
@NullMarked
package com.orbitcrm.demo;

import org.jspecify.annotations.NullMarked;
