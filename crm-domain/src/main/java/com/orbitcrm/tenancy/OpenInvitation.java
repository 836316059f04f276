package com.orbitcrm.tenancy;

/** An invitation with the name of the workspace it is for, as its invitee sees it. */
public record OpenInvitation(Invitation invitation, String workspaceName) {}
