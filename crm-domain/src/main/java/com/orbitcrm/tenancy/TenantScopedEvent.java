package com.orbitcrm.tenancy;

/**
 * An event that happened in one workspace. Every event a module publishes for others carries its
 * workspace (and ids, never record data): the listener's transaction is opened in that workspace, before
 * the listener runs, so row-level security applies to whatever it does.
 */
public interface TenantScopedEvent {

  TenantId tenant();
}
