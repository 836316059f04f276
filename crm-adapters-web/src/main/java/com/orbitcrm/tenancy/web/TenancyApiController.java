package com.orbitcrm.tenancy.web;

import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.web.Requests;
import com.orbitcrm.tenancy.ApiToken;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.WorkspaceMembership;
import com.orbitcrm.tenancy.app.AddMemberCommand;
import com.orbitcrm.tenancy.app.ApiTokenService;
import com.orbitcrm.tenancy.app.IdentityService;
import com.orbitcrm.tenancy.app.IssuedInvitation;
import com.orbitcrm.tenancy.app.MemberAdded;
import com.orbitcrm.tenancy.app.MemberService;
import com.orbitcrm.tenancy.app.SignUpCommand;
import com.orbitcrm.tenancy.app.SignUpService;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP bootstrap that scripts and tests rely on (README, "API bootstrap"): sign-up, tokens,
 * members, and who am I. Paths and field names are a contract: extend, never rename.
 */
@RestController
class TenancyApiController {

  private final SignUpService signUp;
  private final IdentityService identity;
  private final ApiTokenService tokens;
  private final MemberService members;

  TenancyApiController(SignUpService signUp, IdentityService identity, ApiTokenService tokens, MemberService members) {
    this.signUp = signUp;
    this.identity = identity;
    this.tokens = tokens;
    this.members = members;
  }

  record SignUpRequest(@Nullable String workspace, @Nullable String name, @Nullable String email,
                       @Nullable String password) {}

  record SignUpResponse(String tenantId, String userId) {}

  @PostMapping("/api/signup")
  ResponseEntity<SignUpResponse> signUp(@RequestBody SignUpRequest body) {
    var created = signUp.signUp(new SignUpCommand(body.workspace(), body.name(), body.email(), body.password()));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new SignUpResponse(created.tenantId().toString(), created.userId().toString()));
  }

  record WorkspaceJson(String tenantId, String name, String role) {
    static WorkspaceJson of(WorkspaceMembership m) {
      return new WorkspaceJson(m.tenant().toString(), m.workspaceName(), m.role().key());
    }
  }

  record MeResponse(String userId, String tenantId, String role, List<WorkspaceJson> workspaces) {}

  @GetMapping("/api/me")
  MeResponse me() {
    var scope = TenantContext.require();
    UserId user = scope.requireUser();
    return new MeResponse(user.toString(), scope.tenant().toString(), scope.role().key(),
        identity.workspacesOf(user).stream().map(WorkspaceJson::of).toList());
  }

  // ---- Tokens -------------------------------------------------------------------------------

  record CreateTokenRequest(@Nullable String name, @Nullable String tenantId, @Nullable String role) {}

  record CreatedTokenResponse(String id, String token, String tenantId, String name, String prefix, String role) {}

  record TokenJson(String id, String tenantId, String name, String prefix, String role, Instant createdAt,
                   @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
    static TokenJson of(ApiToken t) {
      return new TokenJson(t.id().toString(), t.tenant().toString(), t.name(), t.prefix(), t.role().key(),
          t.createdAt(), t.lastUsedAt(), t.revokedAt());
    }
  }

  @PostMapping("/api/tokens")
  ResponseEntity<CreatedTokenResponse> createToken(@RequestBody CreateTokenRequest body,
      @RequestHeader(name = TenantResolutionFilter.HEADER, required = false) @Nullable String tenantHeader) {
    if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication) {
      throw new ForbiddenException("Create API tokens with your password or in the browser, not with another token");
    }
    var scope = TenantContext.require();
    UserId user = scope.requireUser();
    List<WorkspaceMembership> memberships = identity.workspacesOf(user);
    TenantContext.Scope target;
    if (body.tenantId() == null || body.tenantId().isBlank()) {
      if (memberships.size() > 1 && tenantHeader == null) {
        throw InvalidInputException.of("tenantId", "is required when you belong to several workspaces");
      }
      target = scope;
    } else {
      TenantId tenant;
      try {
        tenant = TenantId.of(body.tenantId().strip());
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of("tenantId", "is not a workspace id");
      }
      var membership = TenantResolutionFilter.find(memberships, tenant)
          .orElseThrow(() -> new ForbiddenException("You are not a member of that workspace"));
      target = new TenantContext.Scope(tenant, user, membership.role());
    }
    var created = TenantContext.callAs(target, () -> tokens.create(body.name(), body.role()));
    var token = created.token();
    return ResponseEntity.created(URI.create("/api/tokens/" + token.id()))
        .body(new CreatedTokenResponse(token.id().toString(), created.secret(), token.tenant().toString(),
            token.name(), token.prefix(), token.role().key()));
  }

  @GetMapping("/api/tokens")
  List<TokenJson> myTokens() {
    return tokens.mine().stream().map(TokenJson::of).toList();
  }

  @DeleteMapping("/api/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revokeToken(@PathVariable String id) {
    tokens.revoke(Requests.id(id, "API token"));
  }

  // ---- Members ------------------------------------------------------------------------------

  record MemberRequest(@Nullable String email, @Nullable String name, @Nullable String role,
                       @Nullable String password) {}

  record RoleRequest(@Nullable String role) {}

  /** A member; {@code status} is always "active" (an invited person is not a member until they accept). */
  record MemberJson(String userId, String name, String email, String role, Instant joinedAt,
                    @Nullable Instant lastSignInAt, String status) {
    static MemberJson of(Member m) {
      return new MemberJson(m.user().toString(), m.name(), m.email().value(), m.role().key(), m.joinedAt(),
          m.lastSignInAt(), "active");
    }
  }

  /** The answer to inviting someone: nothing about whether their address has an account, and no name. */
  record InvitedJson(String status, String invitationId, String email, String role, Instant expiresAt,
                     String acceptUrl) {
    static InvitedJson of(IssuedInvitation issued) {
      var i = issued.invitation();
      return new InvitedJson("invited", i.id().toString(), i.email().value(), i.role().key(), i.expiresAt(),
          issued.acceptUrl());
    }
  }

  @GetMapping("/api/members")
  List<MemberJson> members() {
    return members.members().stream().map(MemberJson::of).toList();
  }

  /**
   * A new address with a name and password becomes an active member at once (the bootstrap contract); anyone
   * else is invited. Both are 201.
   */
  @PostMapping("/api/members")
  ResponseEntity<Object> addMember(@RequestBody MemberRequest body) {
    var added = members.add(new AddMemberCommand(body.email(), body.name(), body.role(), body.password()));
    return switch (added) {
      case MemberAdded.Joined(var member) ->
          ResponseEntity.created(URI.create("/api/members/" + member.user())).body(MemberJson.of(member));
      case MemberAdded.Invited(var issued) -> ResponseEntity.status(HttpStatus.CREATED).body(InvitedJson.of(issued));
    };
  }

  @GetMapping("/api/members/{userId}")
  MemberJson member(@PathVariable String userId) {
    return MemberJson.of(members.member(new UserId(Requests.id(userId, "Member"))));
  }

  @PutMapping("/api/members/{userId}")
  MemberJson changeRole(@PathVariable String userId, @RequestBody RoleRequest body) {
    return MemberJson.of(members.changeRole(new UserId(Requests.id(userId, "Member")), body.role()));
  }

  @DeleteMapping("/api/members/{userId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void removeMember(@PathVariable String userId) {
    members.remove(new UserId(Requests.id(userId, "Member")));
  }
}
