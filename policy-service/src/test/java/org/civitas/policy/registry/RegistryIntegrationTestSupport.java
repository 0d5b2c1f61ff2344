package org.civitas.policy.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civitas.contract.ContractJson;
import org.civitas.policy.support.PolicyTestInfrastructure;
import org.civitas.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One Spring context for all registry integration tests (same configuration, so it is cached): real
 * Kafka, PostgreSQL and token issuer, the demo seed switched on, and helpers for real HTTP and for
 * reading topics from the beginning with a plain consumer.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "civitas.registry.seed=classpath:registry/demo-sensors.json",
      // this context shares the database with the other test context: only tests sweep
      "civitas.retention.sweep-interval=P1D",
      "civitas.retention.raw-topic-retention=PT2H"
    })
abstract class RegistryIntegrationTestSupport {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    PolicyTestInfrastructure.registerAll(registry);
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;

  static String newSensorId() {
    return "it-" + UUID.randomUUID().toString().substring(0, 12);
  }

  /** A complete, valid registration body for the given sensor. */
  static Map<String, Object> sensorBody(String sensorId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sensorId", sensorId);
    body.put("vendorId", "acme");
    body.put("type", "licence-plate-camera");
    body.put("categories", List.of("licence_plate"));
    body.put("purposes", List.of("traffic-planning", "law-enforcement"));
    body.put("location", Map.of("lat", 43.648712, "lon", -79.381726));
    body.put("jurisdiction", "CA-ON");
    body.put("processingLocations", List.of("CA"));
    body.put("legalBasis", "City of Toronto Act, 2006, s. 8; MFIPPA s. 28(2)");
    body.put("accountableOrganization", "City of Toronto Transportation Services");
    body.put("contact", "ts-privacy@toronto.example");
    body.put("description", "Integration test camera");
    return body;
  }

  HttpResponse<String> get(String path, String token) {
    return send("GET", path, token, null);
  }

  HttpResponse<String> post(String path, String token, Object body) {
    return send("POST", path, token, body);
  }

  HttpResponse<String> delete(String path, String token) {
    return send("DELETE", path, token, null);
  }

  /** Registers a valid sensor as staff and insists on 201. */
  String registered(String sensorId) {
    HttpResponse<String> response =
        post("/api/v1/sensors", TestTokens.staff(), sensorBody(sensorId));
    if (response.statusCode() != 201) {
      throw new AssertionError("registration failed: " + response.statusCode() + response.body());
    }
    return sensorId;
  }

  HttpResponse<String> send(String method, String path, String token, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(
              method,
              HttpRequest.BodyPublishers.ofByteArray(
                  ContractJson.mapper().writeValueAsBytes(body)));
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

  static JsonNode json(HttpResponse<String> response) {
    return ContractJson.mapper().readTree(response.body());
  }

  /** Every record of the topic, from the beginning up to its current end. */
  static List<ConsumerRecord<String, String>> readTopic(String topic) {
    return PolicyTestInfrastructure.readTopic(topic);
  }

  /** Waits until the topic holds a record matching the predicate and returns the latest match. */
  static ConsumerRecord<String, String> awaitRecord(
      String topic, Predicate<ConsumerRecord<String, String>> matching) {
    return PolicyTestInfrastructure.awaitRecord(topic, matching, Duration.ofSeconds(30));
  }
}
