package com.orbitcrm.tenancy;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a workspace. Every row of the CRM belongs to exactly one, and no query may ever
 * return rows of two.
 *
 * @param value must not be {@literal null}.
 */
public record TenantId(UUID value) {

  public TenantId {
    Objects.requireNonNull(value, "tenant id must not be null");
  }

  public static TenantId of(String value) {
    return new TenantId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
