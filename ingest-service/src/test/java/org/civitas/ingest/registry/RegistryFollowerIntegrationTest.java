package org.civitas.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.civitas.contract.Topics;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.ingest.IngestIntegrationTestSupport;
import org.junit.jupiter.api.Test;

class RegistryFollowerIntegrationTest extends IngestIntegrationTestSupport {

  @Test
  void theLatestRegistrationPerSensorWins() {
    String id = sensorId("cam");
    SensorRegistration first = active(id, "acme", "licence_plate");
    register(first, active(id, "globex", "noise_level"));

    RegisteredSensor sensor = sensors.find(id).orElseThrow();
    assertThat(sensor.vendorId()).isEqualTo("globex");
    assertThat(sensor.categories()).containsExactly("noise_level");
    assertThat(sensors.isCaughtUp()).isTrue();
  }

  @Test
  void aTombstoneForgetsTheSensor() throws Exception {
    String id = sensorId("cam");
    register(active(id, "acme", "licence_plate"));

    try (KafkaProducer<String, byte[]> producer = producer()) {
      producer
          .send(new ProducerRecord<>(Topics.REGISTRY_SENSORS, id, null))
          .get(10, TimeUnit.SECONDS);
    }

    await().atMost(Duration.ofSeconds(20)).until(() -> sensors.find(id).isEmpty());
  }

  @Test
  void anUnreadableRegistrationIsSkippedWithoutStoppingTheFollower() throws Exception {
    String broken = sensorId("broken");
    try (KafkaProducer<String, byte[]> producer = producer()) {
      producer
          .send(new ProducerRecord<>(Topics.REGISTRY_SENSORS, broken, "{not json".getBytes()))
          .get(10, TimeUnit.SECONDS);
    }
    String next = sensorId("next");
    register(active(next, "acme", "noise_level"));

    assertThat(sensors.find(broken)).isEmpty();
    assertThat(sensors.find(next)).isPresent();
  }
}
