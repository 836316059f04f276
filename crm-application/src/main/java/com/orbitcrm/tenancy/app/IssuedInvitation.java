package com.orbitcrm.tenancy.app;

import com.orbitcrm.tenancy.Invitation;

/** A new invitation and its accept link, which is shown this once (only the token's hash is stored). */
public record IssuedInvitation(Invitation invitation, String acceptUrl) {

  @Override
  public String toString() {
    return "IssuedInvitation[" + invitation.id() + "]";
  }
}
