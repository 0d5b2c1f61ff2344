package org.civitas.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a service behind the gateway: a real HTTP server on loopback that records every
 * request it receives in full and answers with its own name. It also sends headers the gateway must
 * override ({@code Server}, {@code X-Frame-Options}, {@code Cache-Control}), and answers with the
 * status named in {@code X-Test-Status} when a test asks for one.
 */
final class RecordingUpstream implements AutoCloseable {

  /** One request as the service received it. */
  record Received(
      String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> headerValues(String name) {
      return headers.getOrDefault(name, List.of());
    }
  }

  static final String STATUS_HEADER = "X-Test-Status";

  private final String name;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  private RecordingUpstream(String name) {
    this.name = name;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::answer);
    server.setExecutor(executor);
    server.start();
  }

  static RecordingUpstream start(String name) {
    return new RecordingUpstream(name);
  }

  String name() {
    return name;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The next request received, waiting a little for it to arrive. */
  Received take() throws InterruptedException {
    Received next = received.poll(10, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError(name + " received no request");
    }
    return next;
  }

  /**
   * Whether no request has arrived. Forwarding is synchronous, so once the gateway has answered, a
   * request it forwarded has already been recorded here.
   */
  boolean receivedNothing() {
    return received.isEmpty();
  }

  void forget() {
    received.clear();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((key, values) -> headers.put(key, List.copyOf(values)));
      URI uri = exchange.getRequestURI();
      received.add(
          new Received(
              exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body));

      String status = exchange.getRequestHeaders().getFirst(STATUS_HEADER);
      byte[] answer =
          ("{\"upstream\":\"" + name + "\",\"bytes\":" + body.length + "}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("X-Upstream", name);
      exchange.getResponseHeaders().add("Server", "upstream/1.0");
      exchange.getResponseHeaders().add("X-Frame-Options", "SAMEORIGIN");
      exchange.getResponseHeaders().add("Cache-Control", "max-age=3600");
      exchange.sendResponseHeaders(status == null ? 200 : Integer.parseInt(status), answer.length);
      exchange.getResponseBody().write(answer);
    } catch (IOException e) {
      // the gateway gave up on this request (e.g. a body over the limit): nothing to record
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
