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
  // Neither part of a link holds '[': each '[' then scans only up to the next one, not to the end of the line (a line
  // of 20,000 '[' took seconds). The address holds no NUL, so a code span set aside inside it cannot land in href.
  private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]\\n]+)]\\((https?://[^\\s)\\[\\x00]+)\\)");
  private static final Pattern KEPT = Pattern.compile("\\x00(\\d+)\\x00");

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
    s = ITALIC.matcher(s).replaceAll(m -> {
      String inner = m.group(1) != null ? m.group(1) : m.group(2);
      // Italic that would cross the edge of a bold run stays as typed, so the tags always nest.
      return Matcher.quoteReplacement(nests(inner) ? "<em>" + inner + "</em>" : m.group());
    });
    return restore(s, kept);
  }

  /** Puts the set-aside HTML back in one pass; a link's text may itself hold a set-aside code span. */
  private static String restore(String s, java.util.List<String> kept) {
    return KEPT.matcher(s).replaceAll(m ->
        Matcher.quoteReplacement(restore(kept.get(Integer.parseInt(m.group(1))), kept)));
  }

  /** Whether the only tags here so far, {@code <strong>} and {@code </strong>}, open and close in order. */
  private static boolean nests(String s) {
    int depth = 0;
    for (int i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
      depth += s.startsWith("</", i) ? -1 : 1;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0;
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
