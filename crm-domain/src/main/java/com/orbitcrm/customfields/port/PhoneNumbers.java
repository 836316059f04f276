package com.orbitcrm.customfields.port;

import java.util.Optional;

/**
 * Phone numbers to E.164 (a maintained numbering plan, not a regex): the one rule of the nine types the
 * domain cannot hold in plain Java. Implemented with libphonenumber in the application ring.
 */
public interface PhoneNumbers {

  /**
   * @param region the ISO 3166 country whose national numbers {@code raw} may be written in.
   * @return the number in E.164 ({@code +14155550123}), or empty when it is not a valid number.
   */
  Optional<String> e164(String raw, String region);

  /**
   * The ISO 3166 countries whose numbering plans are known (a workspace's phone region is one of them); by
   * default every ISO 3166 country, for stand-ins that know no plan.
   */
  default java.util.Set<String> regions() {
    return java.util.Set.of(java.util.Locale.getISOCountries());
  }
}
