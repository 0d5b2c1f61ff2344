package org.civitas.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.simulator.SimulatorTestRegistry.*;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civitas.contract.reading.Reading;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.contract.registry.SensorRegistration.Status;
import org.civitas.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = {"civitas.simulator.via=kafka", "civitas.simulator.rate=40"})
@DirtiesContext
class SensorSimulatorIntegrationTest {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String CAMERA = "cam-" + SUFFIX;
  private static final String METER = "meter-" + SUFFIX;
  private static final String RETIRED = "retired-" + SUFFIX;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerKafka(registry);
  }

  /** Registered before the simulator starts; it simulates only once it has read them all. */
  @BeforeAll
  static void registry() {
    SensorRegistration retired = sensor(RETIRED, "acme", Status.ACTIVE, "wifi_presence");
    register(
        sensor(CAMERA, "acme", Status.ACTIVE, "licence_plate", "traffic_count"),
        sensor(METER, "globex", Status.ACTIVE, "energy_usage"),
        retired,
        sensor(RETIRED, "acme", Status.DECOMMISSIONED, "wifi_presence"));
  }

  @Test
  void activeSensorsAreSimulatedByTheirCategoriesAndDecommissionedOnesAreNot() {
    List<ConsumerRecord<String, Reading>> raw =
        awaitRaw(
            Duration.ofSeconds(60), seen -> count(seen, CAMERA) >= 10 && count(seen, METER) >= 10);

    assertThat(count(raw, RETIRED)).isZero();
    for (ConsumerRecord<String, Reading> record : raw) {
      Reading reading = record.value();
      assertThat(record.key()).isEqualTo(reading.sensorId());
      if (reading.sensorId().equals(CAMERA)) {
        assertThat(reading.category()).isIn("licence_plate", "traffic_count");
      }
      if (reading.sensorId().equals(METER)) {
        assertThat(reading.category()).isEqualTo("energy_usage");
        assertThat((String) reading.attributes().get("householdId")).matches("HH-[0-9]{6}");
      }
    }
    assertThat(raw.stream().map(r -> r.value().readingId()).distinct().count())
        .isEqualTo(raw.size());
  }

  @Test
  void aSensorRegisteredWhileRunningIsPickedUp() {
    String late = "late-" + UUID.randomUUID().toString().substring(0, 8);
    register(sensor(late, "acme", Status.ACTIVE, "noise_level"));

    awaitRaw(Duration.ofSeconds(60), seen -> count(seen, late) >= 3);
  }
}
