package com.orbitcrm.tenancy.app;

import org.jspecify.annotations.Nullable;

/**
 * Adds a person to the current workspace: an address without an account, with {@code name} and
 * {@code password}, becomes a member at once; any other address is invited ({@link MemberService#add}).
 */
public record AddMemberCommand(@Nullable String email, @Nullable String name, @Nullable String role,
                               @Nullable String password) {}
