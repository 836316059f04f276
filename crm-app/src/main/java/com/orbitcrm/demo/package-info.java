/**
 * Demo data: on first start, a demo workspace with a known login, filled so every screen has
 * something to show, written through the modules' use cases like any other data. Turned off with
 * {@code orbit.demo.enabled=false}.
 */
@NullMarked
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"tenancy", "tenancy::app", "clients",
    "clients::app", "deals", "deals::app", "timeline", "timeline::app", "meetings", "meetings::app",
    "customfields", "customfields::app"})
package com.orbitcrm.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
