package org.civitas.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.civitas.contract.ContractJson;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for the gateway and the auth-server on a loopback port: a token endpoint issuing
 * short-lived vendor tokens, the public registry, and an ingest endpoint that checks what the
 * contract checks for ownership, categories and duplicate ids, and answers like CONTRACT §4.2.
 */
final class StubPlatform implements AutoCloseable {

  static final String CLIENT_ID = "vendor-acme";
  static final String CLIENT_SECRET = "vendor-acme-secret";

  private static final Map<String, Set<String>> ACME_SENSORS =
      Map.of("cam-01", Set.of("licence_plate"), "aq-01", Set.of("air_quality", "noise_level"));

  private static final String REGISTRY =
      """
      { "generatedAt": "2026-11-26T10:00:00Z", "policyVersion": 1, "sensors": [
        { "sensorId": "aq-01", "vendorId": "acme",
          "categories": [ { "category": "air_quality" }, { "category": "noise_level" } ] },
        { "sensorId": "cam-01", "vendorId": "acme", "categories": [ { "category": "licence_plate" } ] },
        { "sensorId": "gx-01", "vendorId": "globex", "categories": [ { "category": "traffic_count" } ] }
      ] }
      """;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  private final Set<String> readingIds = ConcurrentHashMap.newKeySet();
  final Set<String> sensorsPosted = ConcurrentHashMap.newKeySet();
  final AtomicInteger tokensIssued = new AtomicInteger();
  final AtomicLong accepted = new AtomicLong();
  final AtomicLong refused = new AtomicLong();

  StubPlatform() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(executor);
    server.createContext("/oauth2/token", this::token);
    server.createContext("/api/v1/public/registry", e -> answer(e, 200, REGISTRY));
    server.createContext("/api/v1/ingest/readings", this::ingest);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void token(HttpExchange exchange) throws IOException {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
        || !form.contains("grant_type=client_credentials")) {
      answer(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    int n = tokensIssued.incrementAndGet();
    String claims =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"sub\":\"vendor-acme\",\"vendor_id\":\"acme\",\"n\":" + n + "}")
                    .getBytes(StandardCharsets.UTF_8));
    String token = "eyJhbGciOiJub25lIn0." + claims + ".sig";
    validTokens.add(token);
    // one-second tokens, so that even a short run has to renew them
    answer(
        exchange,
        200,
        "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":1}");
  }

  private void ingest(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (authorization == null || !validTokens.contains(authorization.substring(7))) {
      answer(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
      return;
    }
    if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
      answer(exchange, 415, "{\"title\":\"Unsupported media type\",\"status\":415}");
      return;
    }
    int ok = 0;
    int duplicates = 0;
    StringBuilder rejected = new StringBuilder();
    JsonNode readings = ContractJson.mapper().readTree(body).get("readings");
    int index = 0;
    for (JsonNode reading : readings) {
      String sensorId = reading.get("sensorId").stringValue();
      sensorsPosted.add(sensorId);
      Set<String> categories = ACME_SENSORS.get(sensorId);
      String code =
          categories == null
              ? "sensor_not_owned"
              : categories.contains(reading.get("category").stringValue())
                  ? null
                  : "category_not_registered";
      if (code != null) {
        refused.incrementAndGet();
        rejected
            .append(rejected.isEmpty() ? "" : ",")
            .append("{\"index\":")
            .append(index)
            .append(",\"errors\":[{\"field\":\"x\",\"code\":\"")
            .append(code)
            .append("\",\"message\":\"m\"}]}");
      } else if (readingIds.add(reading.get("readingId").stringValue())) {
        ok++;
      } else {
        duplicates++;
      }
      index++;
    }
    accepted.addAndGet(ok);
    answer(
        exchange,
        202,
        "{\"accepted\":"
            + ok
            + ",\"duplicates\":"
            + duplicates
            + ",\"rejected\":["
            + rejected
            + "]}");
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
