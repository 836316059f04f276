package com.orbitcrm.tenancy.app;

import org.jspecify.annotations.Nullable;

/** What a person types to create a workspace; unchecked until {@link SignUpService} validates it. */
public record SignUpCommand(@Nullable String workspace, @Nullable String name, @Nullable String email,
                            @Nullable String password) {}
