package com.orbitcrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.OrbitIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 17, fast assets: hashed asset URLs cached for a year, pages not cached, both compressed. */
@OrbitIntegrationTest
class FastAssetsIntegrationTest {

  private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:css|js|img|webjars)/[^\"]+)\"");
  private static final Pattern HASHED = Pattern.compile(".*-[0-9a-f]{32}\\.[a-z]+");

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<byte[]> get(String path, boolean gzip) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (gzip) {
      request.header("Accept-Encoding", "gzip");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  List<String> assetsOf(String html) {
    var out = new ArrayList<String>();
    var m = ASSET.matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void pagesLinkTheirAssetsByContentHashAndThoseAreCachedForAYear() throws Exception {
    var page = get("/login", false);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    List<String> assets = assetsOf(new String(page.body()));
    assertThat(assets).hasSizeGreaterThanOrEqualTo(4)
        .anyMatch(a -> a.startsWith("/css/orbit-")).anyMatch(a -> a.startsWith("/webjars/htmx.org/"))
        .allMatch(a -> HASHED.matcher(a).matches());
    for (String asset : assets) {
      var answer = get(asset, false);
      assertThat(answer.statusCode()).as(asset).isEqualTo(200);
      assertThat(answer.headers().firstValue("Cache-Control")).as(asset)
          .contains("public, max-age=31536000, immutable");
    }
    // The same file under its plain name is revalidated, never stored for a year.
    var plain = get("/css/orbit.css", false);
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("Cache-Control")).contains("no-cache");
  }

  @Test
  void aHashThatIsNotTheContentsIsNotFoundAndNotCached() throws Exception {
    var wrong = get("/css/orbit-0123456789abcdef0123456789abcdef.css", false);
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(wrong.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
  }

  @Test
  void pagesAndAssetsAreCompressedForClientsThatAcceptIt() throws Exception {
    var page = get("/login", true);
    assertThat(page.headers().firstValue("Content-Encoding")).contains("gzip");
    var plainPage = get("/login", false);
    assertThat(page.body().length).isLessThan(plainPage.body().length / 2);
    String css = assetsOf(new String(plainPage.body())).stream().filter(a -> a.startsWith("/css/")).findFirst()
        .orElseThrow();
    var compressed = get(css, true);
    assertThat(compressed.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(compressed.body().length).isLessThan(get(css, false).body().length / 3);
  }
}
