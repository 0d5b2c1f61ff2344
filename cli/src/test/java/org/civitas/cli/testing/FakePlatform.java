package org.civitas.cli.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 that answers like the platform's gateway with scripted answers
 * (shapes from CONTRACT.md) and records every request it gets.
 */
public final class FakePlatform implements AutoCloseable {

  /** One request as received. */
  public record Recorded(
      String method, String path, String rawQuery, Map<String, String> headers, String body) {

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Decoded query parameters, in order. */
    public Map<String, String> query() {
      Map<String, String> query = new LinkedHashMap<>();
      if (rawQuery == null || rawQuery.isEmpty()) {
        return query;
      }
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        query.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      return query;
    }
  }

  /** A scripted answer. */
  public record Answer(int status, String contentType, String body, Map<String, String> headers) {

    public static Answer json(int status, String body) {
      return new Answer(status, "application/json", body, Map.of());
    }

    public static Answer problem(int status, String body) {
      return new Answer(status, "application/problem+json", body, Map.of());
    }

    public static Answer empty(int status) {
      return new Answer(status, null, "", Map.of());
    }

    public Answer withHeader(String name, String value) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.put(name, value);
      return new Answer(status, contentType, body, all);
    }
  }

  private final HttpServer server;
  private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();

  public FakePlatform() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code method path} (path without query); repeated calls queue answers in order. */
  public FakePlatform on(String method, String path, Answer answer) {
    answers.computeIfAbsent(method + " " + path, k -> new CopyOnWriteArrayList<>()).add(answer);
    return this;
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** The only request received; fails when there were none or several. */
  public Recorded onlyRequest() {
    if (requests.size() != 1) {
      throw new AssertionError("expected one request, got " + requests);
    }
    return requests.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    requests.add(new Recorded(method, path, exchange.getRequestURI().getRawQuery(), headers, body));
    List<Answer> queued = answers.getOrDefault(method + " " + path, new ArrayList<>());
    Answer answer =
        queued.isEmpty()
            ? Answer.problem(
                404,
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                    + "\"detail\":\"no scripted answer for "
                    + method
                    + " "
                    + path
                    + "\"}")
            : queued.size() > 1 ? queued.remove(0) : queued.get(0);
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    if (answer.contentType() != null) {
      exchange.getResponseHeaders().add("Content-Type", answer.contentType());
    }
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
