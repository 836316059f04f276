package com.orbitcrm.tenancy;

import java.time.Instant;

/** A failed sign-in of an account, as its owner sees it: when, from which address, and how. */
public record SignInFailure(Instant at, String address, SignInChannel channel) {}
