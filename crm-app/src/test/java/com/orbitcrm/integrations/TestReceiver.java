package com.orbitcrm.integrations;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A webhook receiver on 127.0.0.1 (the JDK's HttpServer) that answers {@code status} and keeps what it received. */
final class TestReceiver implements AutoCloseable {

  record Received(Map<String, String> headers, String body) {}

  private final HttpServer server;
  final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  volatile int status;

  TestReceiver(int status) throws IOException {
    this.status = status;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hooks", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      var headers = new java.util.LinkedHashMap<String, String>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
      received.add(new Received(headers, body));
      byte[] answer = (status == 200 ? "thanks" : "receiver is broken").getBytes(StandardCharsets.UTF_8);
      if (status >= 300 && status < 400) {
        exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
      }
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  Received next() throws InterruptedException {
    Received r = received.poll(30, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("nothing was received within 30 s");
    }
    return r;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
