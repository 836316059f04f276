package com.orbitcrm.tenancy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a member may do in a workspace. Ordered from most to least powerful.
 */
public enum Role {
  /** Everything, including removing the workspace's other owners. */
  OWNER,
  /** Manages members, API tokens and custom fields, and all records. */
  ADMIN,
  /** Reads and writes records. */
  MEMBER,
  /** Reads records only. */
  VIEWER;

  public boolean canWrite() {
    return this != VIEWER;
  }

  public boolean canAdminister() {
    return this == OWNER || this == ADMIN;
  }

  /** Whether this role is at least as powerful as {@code other}. */
  public boolean includes(Role other) {
    return ordinal() <= other.ordinal();
  }

  /** The weaker of the two: an API token never carries more than its creator's role. */
  public Role atMost(Role cap) {
    return includes(cap) ? cap : this;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromKey(String key) {
    return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst();
  }
}
