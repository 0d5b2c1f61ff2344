package org.civitas.simulator.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civitas.simulator.SimulatorTestRegistry.register;
import static org.civitas.simulator.SimulatorTestRegistry.sensor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.civitas.contract.ContractJson;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code via=http} against a stand-in gateway and token endpoint on loopback: the simulator posts
 * batches as the vendor, with that vendor's token, only for that vendor's sensors, and fetches a
 * new token before the old one expires.
 */
@SpringBootTest(
    properties = {
      "civitas.simulator.via=http",
      "civitas.simulator.rate=30",
      "civitas.simulator.vendors.acme.client-id=vendor-acme",
      "civitas.simulator.vendors.acme.client-secret=acme-secret"
    })
@DirtiesContext
class HttpModeIntegrationTest {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String ACME_CAMERA = "acme-cam-" + SUFFIX;
  private static final String OTHER_METER = "initech-meter-" + SUFFIX;

  private static final HttpServer SERVER = stubServer();
  private static final AtomicInteger TOKENS_ISSUED = new AtomicInteger();
  private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();
  private static final List<String> BEARERS = new CopyOnWriteArrayList<>();
  private static final List<String> POSTED_SENSORS = new CopyOnWriteArrayList<>();
  private static final AtomicInteger BAD_REQUESTS = new AtomicInteger();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerKafka(registry);
    String base = "http://127.0.0.1:" + SERVER.getAddress().getPort();
    registry.add("civitas.simulator.gateway-url", () -> base);
    registry.add("civitas.simulator.token-url", () -> base + "/oauth2/token");
  }

  @BeforeAll
  static void registry() {
    register(
        sensor(ACME_CAMERA, "acme", SensorRegistration.Status.ACTIVE, "licence_plate"),
        sensor(OTHER_METER, "initech", SensorRegistration.Status.ACTIVE, "energy_usage"));
  }

  @AfterAll
  static void stopServer() {
    SERVER.stop(0);
  }

  @Test
  void postsOnlyItsVendorsSensorsWithFreshTokens() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> POSTED_SENSORS.contains(ACME_CAMERA) && TOKENS_ISSUED.get() >= 3);

    assertThat(BAD_REQUESTS.get()).isZero();
    assertThat(POSTED_SENSORS).doesNotContain(OTHER_METER);
    assertThat(BEARERS).isNotEmpty().allSatisfy(bearer -> assertThat(ISSUED).contains(bearer));
    assertThat(Set.copyOf(BEARERS).size()).as("tokens were refreshed").isGreaterThan(1);
  }

  private static HttpServer stubServer() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/oauth2/token", HttpModeIntegrationTest::token);
      server.createContext("/api/v1/ingest/readings", HttpModeIntegrationTest::ingest);
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void token(HttpExchange exchange) throws IOException {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("vendor-acme:acme-secret".getBytes(StandardCharsets.UTF_8));
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
        || !form.contains("grant_type=client_credentials")) {
      BAD_REQUESTS.incrementAndGet();
      respond(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    String token = "token-" + TOKENS_ISSUED.incrementAndGet();
    ISSUED.add(token);
    // two seconds: the simulator must come back for a new one while it runs
    respond(
        exchange,
        200,
        "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":2}");
  }

  private static void ingest(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    JsonNode body = ContractJson.mapper().readTree(exchange.getRequestBody().readAllBytes());
    if (authorization == null
        || !authorization.startsWith("Bearer ")
        || !"application/json".equals(contentType)
        || !body.path("readings").isArray()) {
      BAD_REQUESTS.incrementAndGet();
      respond(exchange, 400, "{}");
      return;
    }
    BEARERS.add(authorization.substring("Bearer ".length()));
    for (JsonNode reading : body.get("readings")) {
      POSTED_SENSORS.add(reading.get("sensorId").stringValue());
    }
    respond(
        exchange,
        202,
        "{\"accepted\":" + body.get("readings").size() + ",\"duplicates\":0,\"rejected\":[]}");
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
