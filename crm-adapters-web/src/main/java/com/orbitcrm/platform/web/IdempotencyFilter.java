package com.orbitcrm.platform.web;

import com.orbitcrm.platform.IdempotencyKey;
import com.orbitcrm.platform.IdempotencyRecords;
import com.orbitcrm.platform.InvalidInputException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Idempotent writes for every POST of the API that carries an {@code Idempotency-Key} header (records, batches,
 * imports, …): the request runs in one transaction that first claims the key — a row keyed by workspace, principal
 * and key — so a concurrent duplicate waits for it, and that keeps the answer (status, Location, ETag, body) with
 * the key. A retry with the same key and the same request (method, path, body) within
 * {@link IdempotencyKey#RETENTION} gets that answer again, marked {@code Idempotent-Replayed: true}, and writes
 * nothing; the same key with another request is a 422. A refused request (4xx) is rolled back as ever and its
 * answer kept too; a failed one (5xx) keeps nothing, so it may be retried. Runs after the security chain, which
 * tells who is asking through {@link #CALLER}.
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";
  /** The request attribute holding the {@link Caller}, set where the workspace of the request is decided. */
  public static final String CALLER = IdempotencyFilter.class.getName() + ".caller";

  /**
   * Who sends the request: the workspace and the principal ({@code token:<id>} or {@code user:<id>}); keys of one
   * caller never answer another.
   */
  public record Caller(UUID tenant, String principal) {}

  private final IdempotencyRecords records;
  private final TransactionTemplate tx;
  private final Clock clock;

  public IdempotencyFilter(IdempotencyRecords records, PlatformTransactionManager transactions, Clock clock) {
    this.records = records;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !Problems.isApi(request) || request.getHeader(HEADER) == null;
  }

  private sealed interface Outcome {}

  private record Replay(IdempotencyRecords.Stored stored) implements Outcome {}

  private record Mismatch() implements Outcome {}

  private record Ran(ContentCachingResponseWrapper response, boolean keep) implements Outcome {}

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!(request.getAttribute(CALLER) instanceof Caller caller)) {
      chain.doFilter(request, response);
      return;
    }
    IdempotencyKey key;
    try {
      key = new IdempotencyKey(request.getHeader(HEADER));
    } catch (InvalidInputException e) {
      Problems.write(response, HttpStatus.BAD_REQUEST, HEADER + " " + e.violations().getFirst().message(), request);
      return;
    }
    HttpServletRequest forward = request;
    byte[] body;
    if (isMultipart(request)) {
      body = parts(request);
    } else {
      body = request.getInputStream().readAllBytes();
      forward = new CachedBody(request, body);
    }
    String query = request.getQueryString();
    byte[] fingerprint = IdempotencyKey.fingerprint(request.getMethod(),
        request.getRequestURI() + (query == null ? "" : "?" + query), body);
    HttpServletRequest chained = forward;
    Outcome outcome;
    try {
      outcome = tx.execute(status -> {
        records.forgetExpired(caller.tenant(), caller.principal(), key, IdempotencyKey.cutoff(clock.instant()));
        if (!records.claim(caller.tenant(), caller.principal(), key, fingerprint)) {
          return previous(caller, key, fingerprint);
        }
        var wrapped = new ContentCachingResponseWrapper(response);
        try {
          chain.doFilter(chained, wrapped);
        } catch (IOException | ServletException e) {
          throw new Wrapped(e);
        }
        int code = wrapped.getStatus();
        if (code >= 400 || status.isRollbackOnly()) {
          // Nothing of a refused or failed request is kept; a refusal's answer is kept below, on its own.
          status.setRollbackOnly();
          return new Ran(wrapped, code < 500);
        }
        records.answer(caller.tenant(), caller.principal(), key, code, wrapped.getContentType(), headers(wrapped),
            wrapped.getContentAsByteArray());
        return new Ran(wrapped, false);
      });
    } catch (Wrapped e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw (ServletException) e.getCause();
    }
    switch (outcome) {
      case Replay replay -> replay(replay.stored(), response);
      case Mismatch mismatch -> Problems.write(response, HttpStatus.UNPROCESSABLE_ENTITY, "This " + HEADER
          + " was used with another request (another method, path or body): use a new key for a new request",
          request);
      case Ran ran -> {
        if (ran.keep()) {
          keepRefusal(caller, key, fingerprint, ran.response());
        }
        ran.response().copyBodyToResponse();
      }
      case null -> throw new IllegalStateException("no outcome");
    }
  }

  private Outcome previous(Caller caller, IdempotencyKey key, byte[] fingerprint) {
    var stored = records.find(caller.tenant(), caller.principal(), key).orElseThrow();
    if (!Arrays.equals(stored.fingerprint(), fingerprint)) {
      return new Mismatch();
    }
    return new Replay(stored);
  }

  /** A refused request's answer, kept in a transaction of its own (the request's was rolled back). */
  private void keepRefusal(Caller caller, IdempotencyKey key, byte[] fingerprint, ContentCachingResponseWrapper r) {
    tx.executeWithoutResult(status -> {
      if (records.claim(caller.tenant(), caller.principal(), key, fingerprint)) {
        records.answer(caller.tenant(), caller.principal(), key, r.getStatus(), r.getContentType(), headers(r),
            r.getContentAsByteArray());
      }
    });
  }

  private static void replay(IdempotencyRecords.Stored stored, HttpServletResponse response) throws IOException {
    response.setStatus(stored.status() == null ? HttpStatus.CONFLICT.value() : stored.status());
    if (stored.contentType() != null) {
      response.setContentType(stored.contentType());
    }
    stored.headers().forEach(response::setHeader);
    response.setHeader(REPLAYED, "true");
    if (stored.body() != null) {
      response.getOutputStream().write(stored.body());
    }
  }

  private static Map<String, String> headers(HttpServletResponse response) {
    var out = new LinkedHashMap<String, String>();
    for (String name : new String[] {HttpHeaders.LOCATION, HttpHeaders.ETAG}) {
      String value = response.getHeader(name);
      if (value != null) {
        out.put(name, value);
      }
    }
    return out;
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
  }

  /** The parts of a multipart body (names, file names, bytes), as the container parsed them, for the fingerprint. */
  private static byte[] parts(HttpServletRequest request) throws IOException, ServletException {
    var out = new ByteArrayOutputStream();
    for (Part part : request.getParts()) {
      out.write(part.getName().getBytes(StandardCharsets.UTF_8));
      out.write(0);
      String file = part.getSubmittedFileName();
      out.write((file == null ? "" : file).getBytes(StandardCharsets.UTF_8));
      out.write(0);
      try (var in = part.getInputStream()) {
        in.transferTo(out);
      }
      out.write(0);
    }
    return out.toByteArray();
  }

  /** Carries a checked exception out of the transaction's callback. */
  private static final class Wrapped extends RuntimeException {
    Wrapped(Exception cause) {
      super(cause);
    }
  }

  /** The request with its body read once, served again from memory. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      var in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(@Nullable ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(),
          encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }

}
