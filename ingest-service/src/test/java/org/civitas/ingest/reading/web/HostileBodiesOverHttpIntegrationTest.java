package org.civitas.ingest.reading.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Topics;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.ingest.IngestIntegrationTestSupport;
import org.civitas.ingest.IngestServiceApplication;
import org.civitas.ingest.reading.HostileBodies;
import org.civitas.ingest.registry.Sensors;
import org.civitas.testsupport.TestInfrastructure;
import org.civitas.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Hostile bodies over real HTTP, through security, the controller and Kafka: every answer is a 202
 * report or a 4xx problem, never a 5xx. jqwik drives the tries; the service runs as its own
 * application on the shared test infrastructure.
 */
class HostileBodiesOverHttpIntegrationTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String CAMERA = "cam-hostile-" + System.nanoTime();
  private static ConfigurableApplicationContext app;
  private static int port;

  @BeforeContainer
  static void start() throws Exception {
    app =
        new SpringApplicationBuilder(IngestServiceApplication.class)
            .run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers="
                    + TestInfrastructure.shared().kafkaBootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.jwkSetUri(),
                "--logging.level.org.apache.kafka=WARN",
                "--logging.level.kafka=WARN");
    port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    SensorRegistration camera =
        new SensorRegistration(
            CAMERA,
            "acme",
            "camera",
            List.of("licence_plate", "traffic_count"),
            List.of("traffic-planning"),
            null,
            "CA-ON",
            List.of("CA"),
            null,
            null,
            null,
            null,
            SensorRegistration.Status.ACTIVE,
            Instant.now(),
            null);
    try (KafkaProducer<String, byte[]> producer = IngestIntegrationTestSupport.producer()) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.REGISTRY_SENSORS, CAMERA, ContractJson.mapper().writeValueAsBytes(camera)))
          .get(10, TimeUnit.SECONDS);
    }
    Sensors sensors = app.getBean(Sensors.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> sensors.find(CAMERA).isPresent());
  }

  @AfterContainer
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Property(tries = 250)
  void hostileJsonBodiesNeverCauseAServerError(@ForAll("jsonBodies") byte[] body) {
    answered(post("application/json", body));
  }

  @Property(tries = 150)
  void hostileNdjsonBodiesNeverCauseAServerError(@ForAll("ndjsonBodies") byte[] body) {
    answered(post("application/x-ndjson", body));
  }

  @Provide
  Arbitrary<byte[]> jsonBodies() {
    return bodies().json();
  }

  @Provide
  Arbitrary<byte[]> ndjsonBodies() {
    return bodies().ndjson();
  }

  private static HostileBodies bodies() {
    return new HostileBodies(List.of(CAMERA), Instant.now());
  }

  private static void answered(HttpResponse<String> response) {
    assertThat(response.statusCode()).isIn(202, 400, 413);
    JsonNode json = ContractJson.mapper().readTree(response.body());
    if (response.statusCode() == 202) {
      assertThat(json.get("accepted").isInt()).isTrue();
      assertThat(json.get("rejected").isArray()).isTrue();
    } else {
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(json.get("status").intValue()).isEqualTo(response.statusCode());
    }
  }

  private static HttpResponse<String> post(String contentType, byte[] body) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest/readings"))
              .header("Authorization", "Bearer " + TestTokens.vendor("acme"))
              .header("Content-Type", contentType)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
