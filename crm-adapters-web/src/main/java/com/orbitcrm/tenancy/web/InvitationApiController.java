package com.orbitcrm.tenancy.web;

import com.orbitcrm.platform.web.Requests;
import com.orbitcrm.tenancy.Invitation;
import com.orbitcrm.tenancy.app.InvitationService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Invitations over the API: admins list and revoke a workspace's; the invited person accepts with the link's token. */
@RestController
class InvitationApiController {

  private final InvitationService invitations;
  private final Clock clock;

  InvitationApiController(InvitationService invitations, Clock clock) {
    this.invitations = invitations;
    this.clock = clock;
  }

  record InvitationJson(String invitationId, String email, String role, Instant createdAt, Instant expiresAt,
                        String status) {
    static InvitationJson of(Invitation i, Instant now) {
      return new InvitationJson(i.id().toString(), i.email().value(), i.role().key(), i.createdAt(), i.expiresAt(),
          i.status(now).name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  record AcceptedJson(String status, String tenantId, String workspace, String role) {}

  @GetMapping("/api/invitations")
  List<InvitationJson> open() {
    Instant now = clock.instant();
    return invitations.open().stream().map(i -> InvitationJson.of(i, now)).toList();
  }

  @DeleteMapping("/api/invitations/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable String id) {
    invitations.revoke(Requests.id(id, "Invitation"));
  }

  @PostMapping("/api/invitations/{token}/accept")
  AcceptedJson accept(@PathVariable String token) {
    var joined = invitations.accept(token);
    return new AcceptedJson("active", joined.tenant().toString(), joined.workspaceName(), joined.role().key());
  }
}
