package org.civitas.load.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.civitas.contract.ContractJson;
import org.civitas.load.ingest.ClientCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The probe against a stand-in data API that makes each posted reading queryable after a set delay
 * and pages its answers a few items at a time, oldest first, like the real one.
 */
class LatencyProbeTest {

  static {
    // the JDK server writes headers and body apart; without this each answer waits ~40 ms for a
    // delayed ACK (read once per JVM, so only where this class starts the first server)
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final AtomicLong delayNanos = new AtomicLong();
  private final AtomicLong itemsServed = new AtomicLong();
  private final List<Stored> stored = new ArrayList<>();
  private HttpServer server;
  private URI gateway;
  private ClientCredentials credentials;
  private HttpClient http;
  private volatile int page;

  private record Stored(String readingId, long visibleAt) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(executor);
    server.createContext(
        "/oauth2/token",
        e ->
            answer(
                e, 200, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
    server.createContext("/api/v1/ingest/readings", this::ingest);
    server.createContext("/api/v1/data/readings", this::query);
    server.start();
    gateway = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    http = HttpClient.newHttpClient();
    credentials =
        new ClientCredentials(
            http, gateway.resolve("/oauth2/token"), "c", "s", null, Clock.systemUTC());
  }

  private LatencyProbe probe(Duration interval) {
    return new LatencyProbe(
        http,
        gateway,
        credentials,
        credentials,
        "probe-1",
        interval,
        Duration.ofMillis(20),
        Duration.ofMillis(300));
  }

  @AfterEach
  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Test
  void findsReadingsPastTheFirstPageAndMeasuresOnlyAfterMeasureStarts() throws Exception {
    page = 5;
    LatencyProbe probe = probe(Duration.ofMillis(20));
    probe.start();
    LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
    probe.measure();
    LockSupport.parkNanos(Duration.ofMillis(1000).toNanos());
    probe.stop(Duration.ofSeconds(5));

    assertThat(storedCount()).as("far more readings than one page").isGreaterThan(3 * page);
    assertThat(probe.sent()).isPositive().isLessThan(storedCount());
    assertThat(probe.notSeen()).isZero();
    assertThat(probe.latency().count()).isEqualTo(probe.sent());
    assertThat(itemsServed.get())
        .as("each poll resumes at the last page, not at the first reading")
        .isLessThan((long) storedCount() * storedCount() / 4);
  }

  @Test
  void hasSettledOnlyOnceReadingsBecomeQueryableQuicklyForTheWholeWindow() throws Exception {
    Duration window = Duration.ofMillis(600);
    delayNanos.set(Duration.ofMillis(800).toNanos());
    page = 10;
    LatencyProbe probe = probe(Duration.ofMillis(50));
    probe.start();
    try {
      LockSupport.parkNanos(Duration.ofMillis(1500).toNanos());
      assertThat(probe.settled(window)).as("every reading takes 800 ms").isFalse();

      delayNanos.set(0);
      // readings posted before the change are still in flight or were just seen late
      assertThat(probe.settled(window)).isFalse();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      boolean settled = false;
      while (!settled && System.nanoTime() < deadline) {
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        settled = probe.settled(window);
      }
      assertThat(settled).isTrue();

      delayNanos.set(Duration.ofMillis(800).toNanos());
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
      assertThat(probe.settled(window))
          .as("a reading waiting longer than allowed unsettles it")
          .isFalse();
    } finally {
      probe.stop(Duration.ofSeconds(5));
    }
  }

  private synchronized int storedCount() {
    return stored.size();
  }

  private void ingest(HttpExchange exchange) throws IOException {
    Map<?, ?> reading =
        ContractJson.mapper().readValue(exchange.getRequestBody().readAllBytes(), Map.class);
    synchronized (this) {
      stored.add(
          new Stored((String) reading.get("readingId"), System.nanoTime() + delayNanos.get()));
    }
    answer(exchange, 202, "{\"accepted\":1,\"duplicates\":0,\"rejected\":[]}");
  }

  private void query(HttpExchange exchange) throws IOException {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      parameters.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    int from = Integer.parseInt(parameters.getOrDefault("cursor", "0"));
    long now = System.nanoTime();
    List<Stored> shown = new ArrayList<>();
    synchronized (this) {
      for (Stored reading : stored) {
        if (now - reading.visibleAt() >= 0) {
          shown.add(reading);
        }
      }
    }
    // in the order they became visible, as the store pages them: what becomes visible later is
    // added at the end, so an offset cursor stays valid
    shown.sort((a, b) -> Long.compare(a.visibleAt() - now, b.visibleAt() - now));
    List<String> visible = shown.stream().map(Stored::readingId).toList();
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = from; i < Math.min(from + page, visible.size()); i++) {
      items.add(Map.of("readingId", visible.get(i)));
    }
    itemsServed.addAndGet(items.size());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("items", items);
    answer.put("nextCursor", from + page < visible.size() ? String.valueOf(from + page) : null);
    answer(exchange, 200, ContractJson.mapper().writeValueAsString(answer));
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
