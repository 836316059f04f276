package com.orbitcrm.timeline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SafeMarkdown: exact output for each supported mark, and for anything a note's author could type to get HTML or a
 * script URL into the page, the output holds only the tags SafeMarkdown itself writes.
 */
class SafeMarkdownUnitTest {

  private static final String A_OPEN_TAIL = "\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">";
  private static final Duration BOUND = Duration.ofSeconds(2);

  /** Every tag SafeMarkdown can write, exactly as it writes it; an anchor only with an http(s) href free of quotes. */
  private static final Pattern ALLOWED_TAG = Pattern.compile(
      "</?(?:p|ul|li|strong|em|code)>|<br>|</a>|<a href=\"https?://[^\"'<>\\s]*\" rel=\"noopener noreferrer nofollow\""
          + " target=\"_blank\">");
  private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
  private static final Pattern TAG_NAME = Pattern.compile("<(/?)([a-z]+)");
  private static final Pattern ENTITY = Pattern.compile("&(?!(?:amp|lt|gt|quot|#39);)");

  private static String html(String text) {
    return SafeMarkdown.toHtml(text);
  }

  private static String link(String href, String text) {
    return "<a href=\"" + href + A_OPEN_TAIL + text + "</a>";
  }

  /**
   * The structural XSS check: with SafeMarkdown's own tags taken out, no markup character is left, every '&' starts
   * one of the five entities escape() writes, every href is http(s) without a quote in it, no placeholder leaked.
   */
  private static void assertOnlyOwnMarkup(String out) {
    assertThat(out).doesNotContain("\u0000");
    String text = ALLOWED_TAG.matcher(out).replaceAll("");
    assertThat(text).as("text outside SafeMarkdown's own tags in %s", out).doesNotContain("<", ">", "\"", "'");
    assertThat(ENTITY.matcher(text).find()).as("raw '&' in %s", out).isFalse();
    Matcher href = HREF.matcher(out);
    while (href.find()) {
      assertThat(href.group(1)).matches("https?://[^\"<>\\s]+");
    }
    assertNested(out);
  }

  /** SafeMarkdown's own tags open and close in order, so nothing it writes can reach past a note's text. */
  private static void assertNested(String out) {
    var open = new ArrayDeque<String>();
    Matcher tag = TAG_NAME.matcher(out);
    while (tag.find()) {
      String name = tag.group(2);
      if (name.equals("br")) {
        continue;
      }
      if (tag.group(1).isEmpty()) {
        open.push(name);
      } else {
        assertThat(open.peek()).as("</%s> closes the innermost open tag in %s", name, out).isEqualTo(name);
        open.pop();
      }
    }
    assertThat(open).as("tags left open in %s", out).isEmpty();
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  // --- null, empty, plain text ---

  @Test
  void nullInputIsRejectedWithNullPointerException() {
    // Note's constructor already refuses null content, so SafeMarkdown does not guard against it.
    assertThatThrownBy(() -> html(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void emptyAndBlankInputRenderNothing() {
    assertThat(html("")).isEmpty();
    assertThat(html("   ")).isEmpty();
    assertThat(html("\n\n\n")).isEmpty();
    assertThat(html(" \t \r\n \n")).isEmpty();
  }

  @Test
  void plainTextIsOneParagraph() {
    assertThat(html("Call back on Monday")).isEqualTo("<p>Call back on Monday</p>");
  }

  @Test
  void linesBecomeBreaksAndBlankLinesSeparateParagraphs() {
    assertThat(html("one\ntwo\n\nthree")).isEqualTo("<p>one<br>two</p><p>three</p>");
    assertThat(html("one\r\ntwo\r\n\r\nthree")).isEqualTo("<p>one<br>two</p><p>three</p>");
    assertThat(html("\n\none\n\n\n\ntwo\n\n")).isEqualTo("<p>one</p><p>two</p>");
  }

  // --- escaping of typed HTML ---

  @Test
  void scriptTagIsShownAsText() {
    assertThat(html("<script>alert(1)</script>")).isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  }

  @Test
  void imgWithOnerrorIsShownAsText() {
    String out = html("<img src=x onerror=alert(1)>");
    assertThat(out).isEqualTo("<p>&lt;img src=x onerror=alert(1)&gt;</p>");
    assertOnlyOwnMarkup(out);
  }

  @Test
  void quotesAmpersandsAndAngleBracketsInTextAreEscaped() {
    assertThat(html("Tom & \"Jerry\" say 'hi': 1 < 2 > 0"))
        .isEqualTo("<p>Tom &amp; &quot;Jerry&quot; say &#39;hi&#39;: 1 &lt; 2 &gt; 0</p>");
  }

  @Test
  void entityLookingInputStaysTextAndNeverBecomesATag() {
    assertThat(html("&lt;script&gt;alert(1)&lt;/script&gt;"))
        .isEqualTo("<p>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;</p>");
    assertThat(html("&#60;img src=x onerror=alert(1)&#62; &#x3C;b&#x3E; &amp;"))
        .isEqualTo("<p>&amp;#60;img src=x onerror=alert(1)&amp;#62; &amp;#x3C;b&amp;#x3E; &amp;amp;</p>");
  }

  @Test
  void nulCharactersAreDroppedSoPlaceholdersCannotBeForged() {
    // inline() sets code and links aside as NUL-number-NUL; typed NULs must never reach that stage.
    assertThat(html("a\u0000b")).isEqualTo("<p>ab</p>");
    assertThat(html("`<i>` and \u00000\u0000")).isEqualTo("<p><code>&lt;i&gt;</code> and 0</p>");
  }

  // --- links ---

  @Test
  void httpsLinkBecomesAnchorWithRelAndTarget() {
    assertThat(html("See [the docs](https://docs.example/page?a=1) now"))
        .isEqualTo("<p>See <a href=\"https://docs.example/page?a=1\" rel=\"noopener noreferrer nofollow\""
            + " target=\"_blank\">the docs</a> now</p>");
  }

  @Test
  void httpLinkBecomesAnchorToo() {
    assertThat(html("[old site](http://old.example)")).isEqualTo("<p>" + link("http://old.example", "old site") + "</p>");
  }

  @Test
  void bareUrlsAndOtherSpellingsAreNotLinked() {
    assertThat(html("https://a.example")).isEqualTo("<p>https://a.example</p>");
    assertThat(html("[x](HTTPS://a.example)")).isEqualTo("<p>[x](HTTPS://a.example)</p>");
    assertThat(html("[x]( https://a.example)")).isEqualTo("<p>[x]( https://a.example)</p>");
    assertThat(html("[x](https://a.example/with space)")).isEqualTo("<p>[x](https://a.example/with space)</p>");
  }

  @Test
  void markdownLinkToJavascriptStaysText() {
    assertThat(html("[x](javascript:alert(1))")).isEqualTo("<p>[x](javascript:alert(1))</p>");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "vbscript:msgbox(1)",
      "//evil.example",
      "java&#x09;script:alert(1)",
      "java&#9;script:alert(1)",
      "jav%61script:alert(1)",
      "java\tscript:alert(1)",
      "java\u000bscript:alert(1)",
      "\u0000javascript:alert(1)",
      "java\u0000script:alert(1)",
      "&#106;avascript:alert(1)",
      "javascript&colon;alert(1)",
      "file:///etc/passwd",
      "ftp://files.example",
  })
  void nonHttpTargetsNeverBecomeAnHref(String target) {
    for (String typed : List.of(target, "[x](" + target + ")", "[click](" + target + ") and [y](" + target + ")",
        "- [x](" + target + ")", "**[x](" + target + ")**")) {
      String out = html(typed);
      assertThat(out).as(typed).doesNotContain("<a", "href");
      assertOnlyOwnMarkup(out);
    }
  }

  @Test
  void linkSplitAcrossLinesIsNotALink() {
    String out = html("[x](java\nscript:alert(1))\n[y](https://a.example\n)");
    assertThat(out).isEqualTo("<p>[x](java<br>script:alert(1))<br>[y](https://a.example<br>)</p>");
  }

  @Test
  void quoteInUrlCannotLeaveTheHrefAttribute() {
    String out = html("[x](https://a.example/\"onmouseover=\"alert(1)\")");
    assertThat(out).isEqualTo("<p>" + link("https://a.example/&quot;onmouseover=&quot;alert(1", "x") + "&quot;)</p>");
    assertOnlyOwnMarkup(out);
    String single = html("[x](https://a.example/'onmouseover='alert.x')");
    assertThat(single).isEqualTo("<p>" + link("https://a.example/&#39;onmouseover=&#39;alert.x&#39;", "x") + "</p>");
    assertOnlyOwnMarkup(single);
  }

  @Test
  void angleBracketsAndAmpersandsInUrlAreEscaped() {
    assertThat(html("[x](https://a.example/<script>alert(1)</script>)"))
        .isEqualTo("<p>" + link("https://a.example/&lt;script&gt;alert(1", "x") + "&lt;/script&gt;)</p>");
    assertThat(html("[x](https://a.example/?a=1&b=<2>)"))
        .isEqualTo("<p>" + link("https://a.example/?a=1&amp;b=&lt;2&gt;", "x") + "</p>");
  }

  @Test
  void linkTextIsEscapedAndNotFormatted() {
    assertThat(html("[<img src=x onerror=alert(1)>](https://a.example)"))
        .isEqualTo("<p>" + link("https://a.example", "&lt;img src=x onerror=alert(1)&gt;") + "</p>");
    assertThat(html("[**x** _y_](https://a.example)")).isEqualTo("<p>" + link("https://a.example", "**x** _y_") + "</p>");
  }

  @Test
  void markersInsideUrlDoNotBecomeBoldOrItalic() {
    assertThat(html("[a](https://a.example/_x_/**y**) _z_"))
        .isEqualTo("<p>" + link("https://a.example/_x_/**y**", "a") + " <em>z</em></p>");
  }

  @Test
  void httpsPrefixInsideNestedLinkSyntaxCannotSmuggleAScheme() {
    String out = html("[x](https://ok.example)(javascript:alert(1)) [[y](javascript:alert(1))](https://ok.example)");
    assertOnlyOwnMarkup(out);
    assertThat(count(out, "<a ")).isEqualTo(1);
    assertThat(out).contains(link("https://ok.example", "x") + "(javascript:alert(1))");
  }

  @Test
  void codeSpanInsideLinkTextIsRendered() {
    // Before the fix the link's text held the code span's placeholder, which was put back too early and so leaked
    // into the page as "\u00000\u0000" instead of <code>x</code>.
    String out = html("Run [`make`](https://a.example/build) then `test`");
    assertThat(out).isEqualTo("<p>Run " + link("https://a.example/build", "<code>make</code>") + " then <code>test</code></p>");
    assertOnlyOwnMarkup(out);
  }

  @Test
  void codeSpanInsideUrlNeverEntersTheHref() {
    // Before the fix the href kept a raw NUL-number-NUL placeholder.
    String out = html("[x](https://a.example/`b`)");
    assertThat(out).isEqualTo("<p>[x](https://a.example/<code>b</code>)</p>");
    assertOnlyOwnMarkup(out);
  }

  // --- bold, italic, code ---

  @Test
  void boldItalicAndCodeRender() {
    assertThat(html("**bold** *italic* _also_ `code`"))
        .isEqualTo("<p><strong>bold</strong> <em>italic</em> <em>also</em> <code>code</code></p>");
    assertThat(html("***both***")).isEqualTo("<p><em><strong>both</strong></em></p>");
    assertThat(html("*a **b** c*")).isEqualTo("<p><em>a <strong>b</strong> c</em></p>");
  }

  @Test
  void italicNeverCrossesTheEdgeOfABoldRun() {
    // Before the fix these came out as <em>a <strong>b</em> c</strong> and <strong>a <em>b</strong> c</em>.
    assertThat(html("_a **b_ c**")).isEqualTo("<p>_a <strong>b_ c</strong></p>");
    assertThat(html("**a _b** c_")).isEqualTo("<p><strong>a _b</strong> c_</p>");
    assertThat(html("**a** _b **c** d_")).isEqualTo("<p><strong>a</strong> <em>b <strong>c</strong> d</em></p>");
    assertNested(html("**x _y** z_ **w _v** u_ _t **s_ r**"));
  }

  @Test
  void markersInsideWordsAreLeftAlone() {
    assertThat(html("snake_case_name and 2*3*4")).isEqualTo("<p>snake_case_name and 2*3*4</p>");
    assertThat(html("**unclosed and *open")).isEqualTo("<p>**unclosed and *open</p>");
  }

  @Test
  void marksAroundHtmlKeepItEscaped() {
    assertThat(html("**<b>x</b>**")).isEqualTo("<p><strong>&lt;b&gt;x&lt;/b&gt;</strong></p>");
    assertThat(html("*<i onmouseover=alert(1)>x</i>*"))
        .isEqualTo("<p><em>&lt;i onmouseover=alert(1)&gt;x&lt;/i&gt;</em></p>");
    assertThat(html("_\"x\"_")).isEqualTo("<p><em>&quot;x&quot;</em></p>");
    assertThat(html("`<script>`")).isEqualTo("<p><code>&lt;script&gt;</code></p>");
    assertThat(html("`&lt;b&gt;`")).isEqualTo("<p><code>&amp;lt;b&amp;gt;</code></p>");
  }

  @Test
  void codeSpanContentGetsNoFurtherMarks() {
    assertThat(html("`**no** *no* _no_ [x](https://a.example)`"))
        .isEqualTo("<p><code>**no** *no* _no_ [x](https://a.example)</code></p>");
  }

  @Test
  void marksDoNotSpanLines() {
    assertThat(html("**a\nb** `c\nd`")).isEqualTo("<p>**a<br>b** `c<br>d`</p>");
  }

  // --- lists ---

  @Test
  void dashAndStarLinesBecomeOneListWithEscapedItems() {
    assertThat(html("- one\n- <two>\n* **three** & `4`"))
        .isEqualTo("<ul><li>one</li><li>&lt;two&gt;</li><li><strong>three</strong> &amp; <code>4</code></li></ul>");
  }

  @Test
  void listsCloseBeforeOtherTextAndParagraphsCloseBeforeLists() {
    assertThat(html("intro\n- a\n- b\nafter")).isEqualTo("<p>intro</p><ul><li>a</li><li>b</li></ul><p>after</p>");
    assertThat(html("- a\n\n- b")).isEqualTo("<ul><li>a</li></ul><ul><li>b</li></ul>");
    assertThat(html("-no space\n*not an item*")).isEqualTo("<p>-no space<br><em>not an item</em></p>");
  }

  @Test
  void listItemWithScriptStaysEscaped() {
    String out = html("- <script>alert(1)</script>\n* [x](javascript:alert(1))\n- ");
    assertThat(out).isEqualTo(
        "<ul><li>&lt;script&gt;alert(1)&lt;/script&gt;</li><li>[x](javascript:alert(1))</li><li></li></ul>");
    assertOnlyOwnMarkup(out);
  }

  // --- long and pathological input ---

  @Test
  void tenThousandStarsFinishQuicklyAsText() {
    String stars = "*".repeat(10_000);
    String out = assertTimeoutPreemptively(BOUND, () -> html(stars));
    assertThat(out).isEqualTo("<p>" + stars + "</p>");
  }

  @Test
  void nestedUnclosedMarkersFinishQuicklyAndStayEscaped() {
    String typed = "**_`[<b>](".repeat(2_000) + "\n" + "*a **b _c `d [e](https://f".repeat(700) + "\n"
        + "- ".repeat(5_000) + "\n" + "_a".repeat(5_000);
    String out = assertTimeoutPreemptively(BOUND, () -> html(typed));
    assertThat(out).startsWith("<p><strong>_<code>[&lt;b&gt;](**_</code>[&lt;b&gt;](</strong>_<code>")
        .doesNotContain("<b>");
    assertOnlyOwnMarkup(out);
  }

  @Test
  void pageOfMaximumLengthBracketNotesRendersQuickly() {
    // Before the fix LINK's text part "[^\]\n]+" scanned from every '[' to the end of the line: quadratic, about
    // two seconds for one note of 20,000 '['. Notes pages render many notes.
    String brackets = "[".repeat(20_000);
    List<String> out = assertTimeoutPreemptively(BOUND, () -> List.of(html(brackets), html(brackets), html(brackets),
        html(brackets), html(brackets)));
    assertThat(out).allSatisfy(o -> assertThat(o).isEqualTo("<p>" + brackets + "</p>"));
  }

  @Test
  void manyUnclosedLinksAndManyCodeSpansRenderQuickly() {
    String openLinks = "[x](https://a".repeat(1_500);
    String codes = "`a`".repeat(6_600);
    String links = "[a](https://b.example)".repeat(900);
    List<String> out = assertTimeoutPreemptively(BOUND, () -> List.of(html(openLinks), html(codes), html(links)));
    assertThat(out.get(0)).isEqualTo("<p>" + openLinks + "</p>");
    assertThat(out.get(1)).isEqualTo("<p>" + "<code>a</code>".repeat(6_600) + "</p>");
    assertThat(out.get(2)).isEqualTo("<p>" + link("https://b.example", "a").repeat(900) + "</p>");
  }

  @Test
  void randomMixesOfMarkdownAndHtmlPiecesNeverYieldForeignMarkup() {
    String[] pieces = {"<", ">", "\"", "'", "&", "&lt;", "*", "**", "_", "`", "[", "]", "(", ")", "](", "- ", "* ",
        "\n", "\n\n", " ", "\t", "a", "x y", "https://", "http://", "javascript:", "//evil.example", "[t](https://h.example/",
        "[t](javascript:", "<script>", "onerror=", "\u0000", "0", "\r\n"};
    Random random = new Random(20_240_611);
    for (int round = 0; round < 3_000; round++) {
      var typed = new StringBuilder();
      int n = 1 + random.nextInt(40);
      for (int i = 0; i < n; i++) {
        typed.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = typed.toString();
      String out = html(text);
      try {
        assertOnlyOwnMarkup(out);
      } catch (AssertionError e) {
        throw new AssertionError("input " + text.replace("\n", "\\n").replace("\u0000", "\\0") + " -> " + out, e);
      }
    }
  }
}
