package com.orbitcrm.tenancy.web;

import com.orbitcrm.platform.web.Problems;
import com.orbitcrm.tenancy.SignInPolicy;
import com.orbitcrm.tenancy.app.PasswordService;
import com.orbitcrm.tenancy.app.ResetLinkGone;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Password reset for scripts and other clients: {@code POST /api/password-reset {"email"}} → 202 whether or not an
 * account has the address (429 when the client address asked too often); {@code POST /api/password-reset/{token}
 * {"password"}} → 204, 400 for a weak password, 410 for a link that was used, has expired or never existed.
 */
@RestController
class PasswordApiController {

  private final PasswordService passwords;

  PasswordApiController(PasswordService passwords) {
    this.passwords = passwords;
  }

  record ResetRequest(@Nullable String email) {}

  record NewPassword(@Nullable String password) {}

  @PostMapping("/api/password-reset")
  ResponseEntity<?> request(@RequestBody(required = false) @Nullable ResetRequest body, HttpServletRequest request) {
    String email = body == null || body.email() == null ? "" : body.email();
    var wait = passwords.request(email, SignInOrigin.address(request));
    if (wait.isPresent()) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(SignInPolicy.seconds(wait.get())))
          .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many reset requests from your network: wait "
              + SignInPolicy.minutes(wait.get()) + " minute(s)"));
    }
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/api/password-reset/{token}")
  ResponseEntity<Void> reset(@PathVariable String token, @RequestBody(required = false) @Nullable NewPassword body) {
    passwords.reset(token, body == null ? null : body.password());
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler
  ProblemDetail gone(ResetLinkGone e) {
    return Problems.of(HttpStatus.GONE, e.getMessage());
  }
}
