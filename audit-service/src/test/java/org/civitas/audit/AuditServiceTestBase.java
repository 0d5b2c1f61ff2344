package org.civitas.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Topics;
import org.civitas.contract.audit.AuditEvent;
import org.civitas.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One Spring context for every integration test of the service (same configuration, so it is
 * started once): real Kafka and PostgreSQL, the test token issuer, a signing key in a temporary
 * directory and a short tree-head interval.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AuditServiceTestBase {

  protected static final Path KEY_DIRECTORY = temporaryDirectory();

  private static Producer<String, byte[]> producer;

  @LocalServerPort protected int port;

  @Autowired protected JdbcTemplate jdbc;

  protected final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerAll(registry, "audit");
    registry.add(
        "civitas.audit.signing-key-file",
        () -> KEY_DIRECTORY.resolve("tree-head-key.pem").toString());
    registry.add("civitas.audit.tree-head-interval", () -> "PT0.5S");
    registry.add("civitas.audit.consumer.poll-timeout", () -> "PT0.1S");
    registry.add("civitas.audit.consumer.retry-backoff", () -> "PT0.5S");
  }

  protected static synchronized Producer<String, byte[]> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  TestInfrastructure.shared().kafkaBootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all",
                  ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                  true),
              new StringSerializer(),
              new ByteArraySerializer());
    }
    return producer;
  }

  @AfterAll
  static synchronized void closeProducer() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }

  protected static void publish(AuditEvent event) {
    publishRaw(event.actor().subject(), ContractJson.mapper().writeValueAsBytes(event));
  }

  protected static void publishRaw(String key, byte[] value) {
    try {
      producer()
          .send(new ProducerRecord<>(Topics.AUDIT_EVENTS, key, value))
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("publishing to the audit topic failed", e);
    }
  }

  protected static String newId() {
    return UUID.randomUUID().toString();
  }

  protected HttpResponse<String> get(String pathAndQuery, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected static JsonNode json(HttpResponse<String> response) {
    return ContractJson.mapper().readTree(response.body());
  }

  protected boolean logged(String eventId) {
    return jdbc.queryForObject(
            "select count(*) from audit_events where event_id = ?", Long.class, eventId)
        > 0;
  }

  protected long leafIndexOf(String eventId) {
    return jdbc.queryForObject(
        "select leaf_index from audit_events where event_id = ?", Long.class, eventId);
  }

  /** The AUDIT_LOG_READ events logged for the request with this correlation id. */
  protected java.util.List<JsonNode> loggedReads(String correlationId) {
    return jdbc
        .query(
            "select canonical from audit_events where action = 'AUDIT_LOG_READ'",
            (rs, n) -> ContractJson.mapper().readTree(rs.getBytes(1)))
        .stream()
        .filter(event -> correlationId.equals(event.path("correlationId").asString(null)))
        .toList();
  }

  /** Under the build's output, so that signing keys of test runs go with {@code mvn clean}. */
  private static Path temporaryDirectory() {
    try {
      Path target = Files.createDirectories(Path.of("target"));
      return Files.createTempDirectory(target, "audit-service-test-keys");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
