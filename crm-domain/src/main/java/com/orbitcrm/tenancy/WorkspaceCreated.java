package com.orbitcrm.tenancy;

/**
 * A workspace was created (sign-up). Published inside the creating transaction, so that modules set up
 * what every workspace needs (the default pipeline) before anyone can use it.
 */
public record WorkspaceCreated(TenantId tenant) implements TenantScopedEvent {}
