package com.orbitcrm.timeline.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A note's text as HTML: everything is escaped first, so typed HTML is shown, never run; then a small,
 * safe part of Markdown is applied — **bold**, *italic*, `code`, [links](https://…) (http and https only,
 * opened with rel="noopener noreferrer nofollow"), "- " lists, and line breaks.
 */
final class SafeMarkdown {

  private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
  private static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]+)\\*\\*");
  private static final Pattern ITALIC = Pattern.compile("(?<![*\\w])\\*([^*\\n]+)\\*(?![*\\w])|(?<!\\w)_([^_\\n]+)_(?!\\w)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)]\\((https?://[^\\s)]+)\\)");

  private SafeMarkdown() {}

  static String toHtml(String text) {
    var html = new StringBuilder();
    boolean inList = false;
    var paragraph = new StringBuilder();
    for (String raw : text.replace("\r\n", "\n").split("\n", -1)) {
      String line = escape(raw);
      boolean item = raw.startsWith("- ") || raw.startsWith("* ");
      if (item) {
        flush(html, paragraph);
        if (!inList) {
          html.append("<ul>");
          inList = true;
        }
        html.append("<li>").append(inline(line.substring(2))).append("</li>");
        continue;
      }
      if (inList) {
        html.append("</ul>");
        inList = false;
      }
      if (raw.isBlank()) {
        flush(html, paragraph);
      } else {
        if (!paragraph.isEmpty()) {
          paragraph.append("<br>");
        }
        paragraph.append(inline(line));
      }
    }
    if (inList) {
      html.append("</ul>");
    }
    flush(html, paragraph);
    return html.toString();
  }

  private static void flush(StringBuilder html, StringBuilder paragraph) {
    if (!paragraph.isEmpty()) {
      html.append("<p>").append(paragraph).append("</p>");
      paragraph.setLength(0);
    }
  }

  /** Inline marks on already escaped text. Code and links are set aside first, so no mark reaches inside. */
  private static String inline(String escaped) {
    var kept = new java.util.ArrayList<String>();
    String s = CODE.matcher(escaped).replaceAll(m -> keep(kept, "<code>" + m.group(1) + "</code>"));
    s = LINK.matcher(s).replaceAll(m -> keep(kept, "<a href=\"" + m.group(2)
        + "\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">" + m.group(1) + "</a>"));
    s = BOLD.matcher(s).replaceAll(m -> Matcher.quoteReplacement("<strong>" + m.group(1) + "</strong>"));
    s = ITALIC.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
        "<em>" + (m.group(1) != null ? m.group(1) : m.group(2)) + "</em>"));
    for (int i = 0; i < kept.size(); i++) {
      s = s.replace("\u0000" + i + "\u0000", kept.get(i));
    }
    return s;
  }

  private static String keep(java.util.List<String> kept, String html) {
    kept.add(html);
    return Matcher.quoteReplacement("\u0000" + (kept.size() - 1) + "\u0000");
  }

  static String escape(String s) {
    var out = new StringBuilder(s.length() + 16);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\u0000' -> { }
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
