package com.orbitcrm.imports.app;

import com.orbitcrm.imports.ImportJob;
import com.orbitcrm.platform.InvalidInputException;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * An uploaded CSV file read with FastCSV: UTF-8 with or without a byte-order mark (anything else is refused,
 * naming the first byte that is not UTF-8), comma, semicolon or tab as found in the header line, quoted
 * fields with line breaks, CRLF. {@link #check} reads it all once and refuses a bad file with one clear
 * message under {@code file}; {@link #rows} then streams its data rows.
 */
public final class CsvFile {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final byte[] bytes;
  private final int offset;
  private final char separator;

  private CsvFile(byte[] bytes) {
    this.bytes = bytes;
    this.offset = startsWithBom(bytes) ? BOM.length : 0;
    this.separator = separator(bytes, offset);
  }

  /** One data row: its first line in the file and its cells. */
  public record Row(long line, List<String> cells) {}

  /** The header and the number of data rows of a file that {@link #check} accepted. */
  public record Shape(List<String> headers, int rows, char separator) {}

  public static CsvFile of(byte[] bytes) {
    return new CsvFile(bytes);
  }

  /**
   * Reads the whole file once.
   *
   * @throws InvalidInputException ({@code file}) for an empty file, one that is not UTF-8, a quote never closed,
   *     a cell over {@link ImportJob#MAX_CELL_CHARS}, a header row only, more than {@link ImportJob#MAX_ROWS} rows.
   */
  public Shape check() {
    if (bytes.length > ImportJob.MAX_FILE_BYTES) {
      throw bad("the file is larger than 50 MB");
    }
    if (bytes.length - offset == 0 || new String(bytes, offset, Math.min(bytes.length - offset, 4096),
        StandardCharsets.UTF_8).isBlank() && bytes.length - offset <= 4096) {
      throw bad("the file is empty");
    }
    requireUtf8();
    requireClosedQuotes();
    List<String> headers = headers();
    if (headers.stream().allMatch(String::isBlank)) {
      throw bad("the first line holds no column names: the first line must be the header row");
    }
    int[] count = {0};
    forEachRow(0, row -> {
      if (++count[0] > ImportJob.MAX_ROWS) {
        throw bad("the file has more than " + String.format("%,d", ImportJob.MAX_ROWS)
            + " rows: split it into smaller files");
      }
    });
    if (count[0] == 0) {
      throw bad("the file has a header row but no data rows");
    }
    return new Shape(headers, count[0], separator);
  }

  /** The header row's names, as written. */
  public List<String> headers() {
    try (CsvReader<CsvRecord> reader = reader()) {
      Iterator<CsvRecord> it = reader.iterator();
      if (!it.hasNext()) {
        throw bad("the file is empty");
      }
      return List.copyOf(it.next().getFields());
    } catch (CsvParseException | UncheckedIOException e) {
      throw bad(reason(e));
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Streams the data rows after the first {@code skip} ones. */
  public void forEachRow(int skip, Consumer<Row> each) {
    try (CsvReader<CsvRecord> reader = reader()) {
      Iterator<CsvRecord> it = reader.iterator();
      if (it.hasNext()) {
        it.next();
      }
      int n = 0;
      while (it.hasNext()) {
        CsvRecord r = it.next();
        if (r.getFieldCount() == 1 && r.getField(0).isBlank()) {
          continue;
        }
        if (n++ < skip) {
          continue;
        }
        each.accept(new Row(r.getStartingLineNumber(), r.getFields()));
      }
    } catch (CsvParseException | UncheckedIOException e) {
      throw bad(reason(e));
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first {@code limit} data rows. */
  public List<Row> first(int limit) {
    List<Row> rows = new ArrayList<>();
    try {
      forEachRow(0, row -> {
        if (rows.size() >= limit) {
          throw new Enough();
        }
        rows.add(row);
      });
    } catch (Enough e) {
      // read as far as needed
    }
    return rows;
  }

  private static final class Enough extends RuntimeException {
    Enough() {
      super(null, null, false, false);
    }
  }

  private CsvReader<CsvRecord> reader() {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    var in = new InputStreamReader(new ByteArrayInputStream(bytes, offset, bytes.length - offset), decoder);
    return CsvReader.builder()
        .fieldSeparator(separator)
        .quoteCharacter('"')
        .skipEmptyLines(true)
        .allowMissingFields(true)
        .allowExtraFields(true)
        .build(CsvRecordHandler.builder().maxFieldSize(ImportJob.MAX_CELL_CHARS)
            .maxRecordSize(ImportJob.MAX_CELL_CHARS * 4).build(), in);
  }

  private void requireUtf8() {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate(64 * 1024);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        int at = in.position();
        int b = bytes[at] & 0xFF;
        throw bad("the file is not UTF-8: byte 0x" + Integer.toHexString(b).toUpperCase(java.util.Locale.ROOT)
            + " at position " + at + (b >= 0xA0 ? " looks like Latin-1 or Windows-1252 (\""
            + new String(new byte[] {(byte) b}, StandardCharsets.ISO_8859_1) + "\")" : "")
            + ": save the file as UTF-8 (\"CSV UTF-8\" in Excel) and upload it again");
      }
      if (result.isUnderflow()) {
        return;
      }
      out.clear();
    }
  }

  /**
   * A quote that opens a field and is never closed would swallow the rest of the file into one cell: refused,
   * naming its line. (A quote inside an unquoted field is text, as FastCSV reads it.)
   */
  private void requireClosedQuotes() {
    boolean fieldStart = true;
    boolean quoted = false;
    long line = 1;
    long openedAt = 0;
    for (int i = offset; i < bytes.length; i++) {
      byte c = bytes[i];
      if (c == '\n') {
        line++;
      }
      if (quoted) {
        if (c == '"') {
          if (i + 1 < bytes.length && bytes[i + 1] == '"') {
            i++;
          } else {
            quoted = false;
          }
        }
      } else {
        if (c == '"' && fieldStart) {
          quoted = true;
          openedAt = line;
        }
        fieldStart = c == separator || c == '\n' || c == '\r';
      }
    }
    if (quoted) {
      throw bad("a quote opened on line " + openedAt + " is never closed: close it (\"\" stands for a quote "
          + "inside a quoted cell)");
    }
  }

  private static String reason(RuntimeException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    Throwable cause = e.getCause();
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        message = message + ": " + t.getMessage();
      }
    }
    if (cause instanceof java.nio.charset.CharacterCodingException) {
      return "the file is not UTF-8: save it as UTF-8 and upload it again";
    }
    String lower = message.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("maximum") || lower.contains("exceed") || lower.contains("size")) {
      return "a cell is longer than " + (ImportJob.MAX_CELL_CHARS / 1024 / 1024) + " MB (is a quote left open?)";
    }
    return "the file cannot be read as CSV: " + message;
  }

  private static InvalidInputException bad(String message) {
    return InvalidInputException.of("file", message);
  }

  private static boolean startsWithBom(byte[] b) {
    return b.length >= 3 && b[0] == BOM[0] && b[1] == BOM[1] && b[2] == BOM[2];
  }

  /** The separator the header line uses most: comma, semicolon or tab (comma when it holds none). */
  static char separator(byte[] b, int from) {
    int comma = 0;
    int semicolon = 0;
    int tab = 0;
    boolean quoted = false;
    for (int i = from; i < b.length && i < from + 64 * 1024; i++) {
      byte c = b[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted) {
        if (c == ',') {
          comma++;
        } else if (c == ';') {
          semicolon++;
        } else if (c == '\t') {
          tab++;
        }
      }
    }
    if (tab > comma && tab >= semicolon) {
      return '\t';
    }
    return semicolon > comma ? ';' : ',';
  }
}
