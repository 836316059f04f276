package com.orbitcrm.platform.web;

import com.orbitcrm.platform.CsvCell;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A CSV file written straight into the response as rows come (constant memory, whatever the number of rows):
 * UTF-8 without a byte-order mark, comma-separated, CRLF line ends, fields quoted where RFC 4180 needs it, and
 * every cell passed through {@link CsvCell#neutralise} so that a spreadsheet shows text rather than running it.
 * An empty cell stands for "no value".
 */
public final class CsvDownload implements Closeable {

  private final CsvWriter csv;
  private final int width;

  private CsvDownload(CsvWriter csv, int width) {
    this.csv = csv;
    this.width = width;
  }

  /** Starts the download {@code filename} with its header row; the response is committed from here on. */
  public static CsvDownload start(HttpServletResponse response, String filename, List<String> header)
      throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    var csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).bufferSize(64 * 1024)
        .build(response.getOutputStream(), StandardCharsets.UTF_8);
    var download = new CsvDownload(csv, header.size());
    download.row(header);
    return download;
  }

  /** One row, as many cells as the header; {@literal null} is an empty cell. */
  public void row(List<? extends @Nullable String> cells) {
    if (cells.size() != width) {
      throw new IllegalArgumentException(cells.size() + " cells for " + width + " columns");
    }
    String[] safe = new String[width];
    for (int i = 0; i < width; i++) {
      String cell = cells.get(i);
      safe[i] = cell == null ? "" : CsvCell.neutralise(cell);
    }
    csv.writeRecord(safe);
  }

  /** Sends what is buffered, so that a long download shows progress and a gone client is noticed early. */
  public void flush() {
    try {
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
