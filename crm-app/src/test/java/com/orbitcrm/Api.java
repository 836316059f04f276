package com.orbitcrm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the JSON API, as a script would use it: no cookies unless asked. */
public final class Api {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public Api(int port) {
    this.base = "http://localhost:" + port;
  }

  private Api(String base, Map<String, String> headers) {
    this.base = base;
    this.headers.putAll(headers);
  }

  public Api bearer(String token) {
    return with("Authorization", "Bearer " + token);
  }

  public Api basic(String email, String password) {
    return with("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  public Api tenant(String tenantId) {
    return with("X-Tenant-Id", tenantId);
  }

  public Api with(String name, String value) {
    var copy = new Api(base, headers);
    copy.headers.put(name, value);
    return copy;
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response post(String path, String json) {
    return send("POST", path, json);
  }

  public Response put(String path, String json) {
    return send("PUT", path, json);
  }

  public Response patch(String path, String json) {
    return send("PATCH", path, json);
  }

  public Response delete(String path) {
    return send("DELETE", path, null);
  }

  public Response send(String method, String path, String json) {
    var request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.header("Accept", "application/json");
    headers.forEach(request::header);
    try {
      var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Link").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A multipart/form-data POST: text parts, and a {@code file} part when {@code file} is not null. */
  public Response multipart(String path, Map<String, String> parts, String fileName, byte[] file) {
    String boundary = "orbit" + java.util.UUID.randomUUID().toString().replace("-", "");
    var body = new java.io.ByteArrayOutputStream();
    try {
      for (var e : parts.entrySet()) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
            + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      if (file != null) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
            + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    var request = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Accept", "application/json");
    headers.forEach(request::header);
    try {
      var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One answer: status, body, and its JSON when it has one. */
  public record Response(int status, String body, String contentType, String linkHeader) {
    /** The path and query of the Link header's rel="next", or null on the last page. */
    public String link() {
      if (linkHeader == null) {
        return null;
      }
      var m = java.util.regex.Pattern.compile("<([^>]+)>;\\s*rel=\"next\"").matcher(linkHeader);
      if (!m.find()) {
        return null;
      }
      URI uri = URI.create(m.group(1));
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String text(String field) {
      return json().get(field).asString();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /** Signs up a fresh workspace and returns its owner's tenant id, user id, e-mail and password. */
  public Account signUp(String workspace) {
    String email = "owner-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    String password = "a-long-test-password-1";
    var r = post("/api/signup", """
        {"workspace": "%s", "name": "Olive Owner", "email": "%s", "password": "%s"}""".formatted(workspace, email, password));
    if (r.status() != 201) {
      throw new IllegalStateException("sign-up failed: " + r);
    }
    return new Account(r.text("tenantId"), r.text("userId"), email, password);
  }

  /** Creates a token for the account (by HTTP Basic) and returns the secret. */
  public String tokenFor(Account account) {
    var r = basic(account.email(), account.password()).post("/api/tokens", """
        {"name": "test", "tenantId": "%s"}""".formatted(account.tenantId()));
    if (r.status() != 201) {
      throw new IllegalStateException("token failed: " + r);
    }
    return r.text("token");
  }

  public record Account(String tenantId, String userId, String email, String password) {}
}
