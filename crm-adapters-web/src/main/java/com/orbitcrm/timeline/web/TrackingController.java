package com.orbitcrm.timeline.web;

import com.orbitcrm.timeline.app.EmailTrackingService;
import java.net.URI;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public ends of e-mail tracking, fetched by the recipient's mail client: {@code /t/{token}/open.gif}
 * (a 1×1 transparent GIF that marks the e-mail opened) and {@code /t/{token}/go} (marks it clicked and
 * redirects to the link that was signed into the token — there is no URL parameter to abuse). A token that
 * does not verify is a 404 and changes nothing.
 */
@Controller
class TrackingController {

  private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

  private final EmailTrackingService tracking;

  TrackingController(EmailTrackingService tracking) {
    this.tracking = tracking;
  }

  @GetMapping("/t/{token}/open.gif")
  ResponseEntity<byte[]> open(@PathVariable String token) {
    if (!tracking.opened(token)) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).cacheControl(CacheControl.noStore()).body(PIXEL);
  }

  @GetMapping("/t/{token}/go")
  ResponseEntity<Void> click(@PathVariable String token) {
    return tracking.clicked(token)
        .map(url -> ResponseEntity.status(HttpStatus.FOUND).location(URI.create(url))
            .cacheControl(CacheControl.noStore()).<Void>build())
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
