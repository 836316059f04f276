package com.orbitcrm.integrations.port;

import com.orbitcrm.integrations.WebhookUrl;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** How a delivery travels: the name resolution of a destination and one HTTP POST (redirects not followed). */
public interface WebhookTransport {

  /** What a receiver answered: its status and the start of its body, or why there was no answer. */
  record Answer(@Nullable Integer statusCode, Duration duration, @Nullable String body, @Nullable String error) {}

  /** Every address the host resolves to now. */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /**
   * POSTs {@code body} as JSON to {@code url} with {@code headers}, never following a redirect; never throws. The
   * caller checked the addresses {@link #resolve} gave just before; the JVM's name cache answers the same ones
   * for the connection.
   */
  Answer post(WebhookUrl url, Map<String, String> headers, String body);
}
