package com.orbitcrm.tenancy.app;

import com.orbitcrm.tenancy.Invitation;
import java.util.Optional;

/**
 * An invitation as its link's holder sees it before accepting: the workspace, the role, the invited address,
 * why it can no longer be accepted (if so), and whether the address already has an account (then the person
 * signs in to accept; else they create one). Shown only to whoever holds the token.
 */
public record InvitationPreview(Invitation invitation, String workspaceName, Optional<Invitation.Refusal> refusal,
                                boolean accountExists) {}
