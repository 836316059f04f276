/**
 * The web frame every module's pages and API share: error answers (RFC 9457 for the API, a friendly
 * page for people), flash messages and the landing page. Published to the other modules as the
 * {@code platform::web} named interface.
 */
@NullMarked
@NamedInterface("web")
package com.orbitcrm.platform.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
