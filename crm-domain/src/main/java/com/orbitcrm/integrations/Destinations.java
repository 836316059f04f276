package com.orbitcrm.integrations;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to (no request forgery towards the app's own network): never a loopback,
 * private (RFC 1918, IPv6 unique local), link-local (cloud metadata at 169.254.169.254 included), carrier-grade NAT,
 * "this network", multicast or unspecified address — IPv4 inside IPv6 (mapped, compatible, 6to4 is not unwrapped but
 * refused when mapped) judged as IPv4 — unless private networks are allowed (a test receiver on 127.0.0.1).
 * Checked on the addresses a name resolves to, at registration and before every attempt.
 */
public record Destinations(boolean allowPrivateNetworks) {

  /** Why an address may not be called, or empty if it may. */
  public Optional<String> refusal(InetAddress address) {
    if (allowPrivateNetworks) {
      return Optional.empty();
    }
    InetAddress a = unwrap(address);
    if (a.isLoopbackAddress()) {
      return Optional.of("a loopback address");
    }
    if (a.isAnyLocalAddress()) {
      return Optional.of("an unspecified address");
    }
    if (a.isLinkLocalAddress()) {
      return Optional.of("a link-local address");
    }
    if (a.isSiteLocalAddress()) {
      return Optional.of("a private address");
    }
    if (a.isMulticastAddress()) {
      return Optional.of("a multicast address");
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0 || (first == 100 && second >= 64 && second <= 127) || first >= 240
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19))) {
        return Optional.of("a reserved address");
      }
    } else if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
      return Optional.of("a private address");
    }
    return Optional.empty();
  }

  /** The first refusal among the addresses a name resolved to (all must be allowed), or empty. */
  public Optional<String> refusal(List<InetAddress> addresses) {
    if (addresses.isEmpty()) {
      return Optional.of("a name that does not resolve");
    }
    for (InetAddress a : addresses) {
      var refusal = refusal(a);
      if (refusal.isPresent()) {
        return Optional.of(refusal.get() + " (" + a.getHostAddress() + ")");
      }
    }
    return Optional.empty();
  }

  /** An IPv4-mapped or -compatible IPv6 address as the IPv4 address it carries. */
  static InetAddress unwrap(InetAddress address) {
    if (address instanceof Inet6Address) {
      byte[] b = address.getAddress();
      boolean zeros = true;
      for (int i = 0; i < 10; i++) {
        zeros &= b[i] == 0;
      }
      boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
      boolean compatible = zeros && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
      if (mapped || compatible) {
        try {
          return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (java.net.UnknownHostException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return address;
  }
}
