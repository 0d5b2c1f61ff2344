package org.civitas.policy.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Topics;
import org.civitas.contract.reading.Reading;
import org.civitas.testsupport.TestInfrastructure;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Spring context for the service's integration tests (same configuration everywhere, so it is
 * cached): real Kafka, PostgreSQL (governed db and keys db) and token issuer, plus helpers for real
 * HTTP and for reading topics.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // sweeps run when a test asks, so that counts are the test's own
      "civitas.retention.sweep-interval=P1D",
      "civitas.retention.raw-topic-retention=" + PolicyServiceIntegrationTestSupport.RAW_RETENTION
    })
@Import(TestClockConfiguration.class)
public abstract class PolicyServiceIntegrationTestSupport {

  /** Not the default (PT1H), so that a test can tell configuration from default. */
  public static final String RAW_RETENTION = "PT2H";

  @Autowired protected MutableClock clock;

  /** The governed database, for arranging rows and checking effects. */
  @Autowired protected JdbcTemplate sql;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    PolicyTestInfrastructure.registerAll(registry);
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort protected int port;

  protected HttpResponse<String> get(String path, String token) {
    return send("GET", path, token, null, null);
  }

  /** GET with a correlation id of the test's choosing, to find the request's audit event. */
  protected HttpResponse<String> get(String path, String token, String correlationId) {
    return send("GET", path, token, null, null, correlationId);
  }

  protected HttpResponse<String> send(
      String method, String path, String token, String contentType, String body) {
    return send(method, path, token, contentType, body, null);
  }

  protected HttpResponse<String> send(
      String method,
      String path,
      String token,
      String contentType,
      String body,
      String correlationId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json, application/problem+json");
    if (correlationId != null) {
      request.header("X-Correlation-Id", correlationId);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected static JsonNode json(HttpResponse<String> response) {
    return ContractJson.mapper().readTree(response.body());
  }

  protected static String correlationId() {
    return "it-" + UUID.randomUUID();
  }

  /** The audit event written for the request with this correlation id. */
  protected static JsonNode auditEventOf(String correlationId) {
    return auditEvent(event -> correlationId.equals(event.path("correlationId").stringValue(null)));
  }

  /** Waits for an audit event matching the predicate; returns the latest match. */
  protected static JsonNode auditEvent(Predicate<JsonNode> matching) {
    return value(awaitRecord(Topics.AUDIT_EVENTS, r -> matching.test(value(r))));
  }

  /** Every audit event on the topic now matching the predicate. */
  protected static List<JsonNode> auditEvents(Predicate<JsonNode> matching) {
    return readTopic(Topics.AUDIT_EVENTS).stream()
        .map(PolicyServiceIntegrationTestSupport::value)
        .filter(matching)
        .toList();
  }

  /** Lowercase name unique to one test, e.g. for a category only that test uses. */
  protected static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /**
   * Inserts a governed row straight into the store (as if minimized earlier) and counts it, for
   * tests about what is returned, aggregated, exported or purged.
   *
   * @return its readingId
   */
  protected String storeRow(
      String category,
      String sensorId,
      Instant observedAt,
      Instant expiresAt,
      String geohash,
      String attributesJson) {
    String readingId = UUID.randomUUID().toString();
    // one statement, as ingestion stores and counts in one transaction
    // (GovernedReadings.insertNew):
    // a sweep between a separate insert and count would purge a row its counters do not hold yet
    sql.update(
        """
        with stored as (
            insert into governed_readings (reading_id, sensor_id, category, observed_at,
                location_geohash, attributes, jurisdiction, policy_version, expires_at, stored_at)
            values (?, ?, ?, ?, ?, ?::jsonb, 'CA-ON', 1, ?, now())
            returning expires_at, category)
        insert into governed_reading_counts as c (expires_on, category, shard, row_count)
        select (expires_at at time zone 'UTC')::date, category, -1, 1 from stored
        on conflict (expires_on, category, shard)
        do update set row_count = c.row_count + excluded.row_count
        """,
        readingId,
        sensorId,
        category,
        Timestamp.from(observedAt),
        geohash,
        attributesJson,
        Timestamp.from(expiresAt));
    return readingId;
  }

  protected boolean rowExists(String readingId) {
    return Boolean.TRUE.equals(
        sql.queryForObject(
            "select exists (select 1 from governed_readings where reading_id = ?)",
            Boolean.class,
            readingId));
  }

  /**
   * Publishes the active policy with one category added or replaced (as JSON, so whatever the
   * active document's notation), as the policy admin.
   */
  protected HttpResponse<String> publishWithCategory(
      String category, String categoryJson, boolean force) {
    JsonNode active = json(get("/api/v1/policies/active", TestTokens.policyAdmin())).path("policy");
    ObjectNode document = (ObjectNode) active.deepCopy();
    ((ObjectNode) document.path("categories"))
        .set(category, ContractJson.mapper().readTree(categoryJson));
    return send(
        "PUT",
        "/api/v1/policies" + (force ? "?force=true" : ""),
        TestTokens.policyAdmin(),
        "application/json",
        ContractJson.mapper().writeValueAsString(document));
  }

  /** Publishes the active policy with one category added or replaced, and expects it to pass. */
  protected long publishWithCategory(String category, String categoryJson) {
    HttpResponse<String> response = publishWithCategory(category, categoryJson, false);
    if (response.statusCode() != 201) {
      throw new AssertionError(
          "policy publication failed: " + response.statusCode() + " " + response.body());
    }
    return json(response).path("version").asLong();
  }

  /** Registers an active sensor through the registry's own endpoint, as staff. */
  protected String registerSensor(String... categories) {
    return registerSensor(List.of("CA"), categories);
  }

  /** Registers an active sensor whose vendor processes data in the given countries. */
  protected String registerSensor(List<String> processingLocations, String... categories) {
    String sensorId = "it-" + UUID.randomUUID().toString().substring(0, 12);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sensorId", sensorId);
    body.put("vendorId", "acme");
    body.put("type", "licence-plate-camera");
    body.put("categories", List.of(categories));
    body.put("purposes", List.of("traffic-planning"));
    body.put("location", Map.of("lat", 43.648712, "lon", -79.381726));
    body.put("jurisdiction", "CA-ON");
    body.put("processingLocations", processingLocations);
    body.put("legalBasis", "City of Toronto Act, 2006, s. 8");
    body.put("accountableOrganization", "City of Toronto Transportation Services");
    body.put("contact", "ts-privacy@toronto.example");
    body.put("description", "policy-service integration test sensor");
    HttpResponse<String> response =
        send(
            "POST",
            "/api/v1/sensors",
            TestTokens.staff(),
            "application/json",
            ContractJson.mapper().writeValueAsString(body));
    if (response.statusCode() != 201) {
      throw new AssertionError(
          "sensor registration failed: " + response.statusCode() + " " + response.body());
    }
    return sensorId;
  }

  /** Publishes raw values to the raw topic, keyed by sensorId, and waits for the broker. */
  protected static void publishRaw(String key, String... values) {
    Map<String, Object> config = new HashMap<>();
    config.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        TestInfrastructure.shared().kafkaBootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (String value : values) {
        producer
            .send(new ProducerRecord<>(Topics.READINGS_RAW, key, value))
            .get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not publish raw readings", e);
    }
  }

  protected static void publishRaw(Reading... readings) {
    for (Reading reading : readings) {
      publishRaw(reading.sensorId(), ContractJson.mapper().writeValueAsString(reading));
    }
  }

  /** Every record of the topic, from the beginning up to its current end. */
  protected static List<ConsumerRecord<String, String>> readTopic(String topic) {
    return PolicyTestInfrastructure.readTopic(topic);
  }

  /** Waits until the topic holds a record matching the predicate; returns the latest match. */
  protected static ConsumerRecord<String, String> awaitRecord(
      String topic, Predicate<ConsumerRecord<String, String>> matching) {
    return PolicyTestInfrastructure.awaitRecord(topic, matching, Duration.ofSeconds(60));
  }

  protected static JsonNode value(ConsumerRecord<String, String> record) {
    return ContractJson.mapper().readTree(record.value());
  }
}
