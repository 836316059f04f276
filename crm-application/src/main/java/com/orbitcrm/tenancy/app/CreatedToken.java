package com.orbitcrm.tenancy.app;

import com.orbitcrm.tenancy.ApiToken;

/** A new token and its secret, which is shown this once and never again. */
public record CreatedToken(ApiToken token, String secret) {}
