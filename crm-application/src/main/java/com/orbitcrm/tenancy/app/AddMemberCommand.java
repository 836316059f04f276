package com.orbitcrm.tenancy.app;

import org.jspecify.annotations.Nullable;

/**
 * Adds a person to the current workspace: an existing account by e-mail, or a new account with
 * {@code name} and {@code password}, which are then required.
 */
public record AddMemberCommand(@Nullable String email, @Nullable String name, @Nullable String role,
                               @Nullable String password) {}
