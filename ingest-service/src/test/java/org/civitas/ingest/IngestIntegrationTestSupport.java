package org.civitas.ingest;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Topics;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.contract.registry.SensorRegistration.Status;
import org.civitas.ingest.registry.Sensors;
import org.civitas.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One application context for all ingest integration tests: real Kafka and token issuer from the
 * shared test infrastructure, real HTTP, and helpers to seed the registry and read the raw topic.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "civitas.ingest.raw-topic.publish-timeout=PT3S",
      "logging.level.org.apache.kafka=WARN",
      "logging.level.kafka=WARN"
    })
public abstract class IngestIntegrationTestSupport {

  protected static final String NDJSON = "application/x-ndjson";
  protected static final String JSON = "application/json";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerKafka(registry);
    TestInfrastructure.registerTokenIssuer(registry);
  }

  @LocalServerPort protected int port;

  @Autowired protected Sensors sensors;

  protected HttpResponse<String> post(String token, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest/readings"))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  protected HttpResponse<String> get(String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  protected static JsonNode json(HttpResponse<String> response) {
    return ContractJson.mapper().readTree(response.body());
  }

  /** A sensor id no other test uses. */
  protected static String sensorId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  protected static SensorRegistration active(
      String sensorId, String vendorId, String... categories) {
    return new SensorRegistration(
        sensorId,
        vendorId,
        "camera",
        List.of(categories),
        List.of("traffic-planning"),
        new Location(43.6487, -79.3817),
        "CA-ON",
        List.of("CA"),
        "municipal-act",
        "City of Toronto",
        "ops@" + vendorId + ".example",
        "test sensor",
        Status.ACTIVE,
        Instant.now(),
        null);
  }

  protected static SensorRegistration decommissioned(SensorRegistration sensor) {
    return new SensorRegistration(
        sensor.sensorId(),
        sensor.vendorId(),
        sensor.type(),
        sensor.categories(),
        sensor.purposes(),
        sensor.location(),
        sensor.jurisdiction(),
        sensor.processingLocations(),
        sensor.legalBasis(),
        sensor.accountableOrganization(),
        sensor.contact(),
        sensor.description(),
        Status.DECOMMISSIONED,
        sensor.registeredAt(),
        Instant.now());
  }

  /** Publishes registrations as policy-service would, and waits until the follower has them. */
  protected void register(SensorRegistration... registrations) {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (SensorRegistration registration : registrations) {
        producer
            .send(
                new ProducerRecord<>(
                    Topics.REGISTRY_SENSORS,
                    registration.sensorId(),
                    ContractJson.mapper().writeValueAsBytes(registration)))
            .get(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    for (SensorRegistration registration : registrations) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  sensors
                      .find(registration.sensorId())
                      .filter(s -> s.active() == registration.isActive())
                      .isPresent());
    }
  }

  protected static ObjectNode reading(String sensorId, String category) {
    ObjectNode reading = ContractJson.mapper().createObjectNode();
    reading.put("readingId", UUID.randomUUID().toString());
    reading.put("sensorId", sensorId);
    reading.put("observedAt", Instant.now().toString());
    reading.put("category", category);
    reading.putObject("location").put("lat", 43.64871).put("lon", -79.38172);
    reading
        .putObject("attributes")
        .put("plate", "ABCD123")
        .put("speedKmh", 48.2)
        .put("lane", 2)
        .put("imageRef", "img-77812");
    return reading;
  }

  protected static byte[] batch(JsonNode... readings) {
    ObjectNode body = ContractJson.mapper().createObjectNode();
    var array = body.putArray("readings");
    for (JsonNode reading : readings) {
      array.add(reading);
    }
    return ContractJson.mapper().writeValueAsBytes(body);
  }

  protected static byte[] bytes(JsonNode json) {
    return ContractJson.mapper().writeValueAsBytes(json);
  }

  /** Waits until the raw topic holds records matching the predicate, and returns all of them. */
  protected static List<ConsumerRecord<String, JsonNode>> awaitRaw(
      Predicate<List<ConsumerRecord<String, JsonNode>>> until) {
    List<ConsumerRecord<String, JsonNode>> seen = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                false),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.READINGS_RAW).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                for (ConsumerRecord<String, byte[]> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  seen.add(
                      new ConsumerRecord<>(
                          record.topic(),
                          record.partition(),
                          record.offset(),
                          record.key(),
                          ContractJson.mapper().readTree(record.value())));
                }
                return until.test(seen);
              });
    }
    return seen;
  }

  public static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestInfrastructure.shared().kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new ByteArraySerializer());
  }
}
