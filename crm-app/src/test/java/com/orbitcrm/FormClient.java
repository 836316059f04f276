package com.orbitcrm;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: keeps its cookies (the session), follows no redirects, and posts forms with the
 * CSRF token of the page it last loaded — what the sign-in form, its throttle and the session tests need.
 */
public final class FormClient {

  private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  private String csrf = "";

  public FormClient(int port) {
    this.base = "http://localhost:" + port;
  }

  /** One answer: status, body, and where a redirect points. */
  public record Page(int status, String body, String location) {
    @Override
    public String toString() {
      return status + (location.isEmpty() ? "" : " → " + location) + " " + body.substring(0, Math.min(body.length(), 300));
    }
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), true);
  }

  /** Posts a form (with the CSRF token of the last page loaded). */
  public Page post(String path, Map<String, String> fields) {
    var all = new LinkedHashMap<>(fields);
    all.putIfAbsent("_csrf", csrf);
    String form = all.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)), true);
  }

  /** Sends JSON with the session cookie and the CSRF header of the last page loaded, as the page's scripts do. */
  public Page json(String method, String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .header("X-CSRF-TOKEN", csrf)
        .method(method, HttpRequest.BodyPublishers.ofString(json)), false);
  }

  /** The sign-in form: loads it (for its CSRF token), then posts the e-mail and password. */
  public Page signIn(String email, String password) {
    get("/login");
    return post("/login", Map.of("email", email, "password", password));
  }

  public String csrf() {
    return csrf;
  }

  /** The session cookie's value, if there is one. */
  public String session() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
        .map(HttpCookie::getValue).findFirst().orElse("");
  }

  /** Carries the session cookie of another client (the same browser, talking to another instance). */
  public FormClient withSession(String value) {
    var cookie = new HttpCookie("SESSION", value);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(URI.create(base), cookie);
    return this;
  }

  private Page send(HttpRequest.Builder request, boolean readCsrf) {
    try {
      var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      if (readCsrf) {
        var m = CSRF_META.matcher(body);
        var input = CSRF_INPUT.matcher(body);
        if (m.find()) {
          csrf = m.group(1);
        } else if (input.find()) {
          csrf = input.group(1);
        }
      }
      return new Page(response.statusCode(), body, response.headers().firstValue("Location").orElse(""));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Form fields, in order. */
  public static Map<String, String> form(String... keyValues) {
    var map = new LinkedHashMap<String, String>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
