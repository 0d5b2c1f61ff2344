package org.civitas.ingest.reading;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.civitas.contract.ContractJson;
import org.civitas.ingest.registry.RegisteredSensor;
import org.civitas.ingest.registry.Sensors;
import tools.jackson.databind.node.ObjectNode;

/** Small factories for readings and a registry that needs no Kafka. */
final class ReadingFixtures {

  static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static final String ACME_CAMERA = "cam-king-st-01";
  static final String GLOBEX_METER = "meter-globex-01";
  static final String RETIRED_CAMERA = "cam-retired-01";

  /** acme's camera and retired camera, globex's meter. */
  static Sensors registry() {
    Map<String, RegisteredSensor> sensors = new HashMap<>();
    sensors.put(
        ACME_CAMERA,
        new RegisteredSensor(ACME_CAMERA, "acme", true, Set.of("licence_plate", "traffic_count")));
    sensors.put(
        RETIRED_CAMERA,
        new RegisteredSensor(RETIRED_CAMERA, "acme", false, Set.of("licence_plate")));
    sensors.put(
        GLOBEX_METER, new RegisteredSensor(GLOBEX_METER, "globex", true, Set.of("energy_usage")));
    return new Sensors() {
      @Override
      public Optional<RegisteredSensor> find(String sensorId) {
        return Optional.ofNullable(sensorId == null ? null : sensors.get(sensorId));
      }

      @Override
      public boolean isCaughtUp() {
        return true;
      }
    };
  }

  /** Hostile bodies aimed at this registry's sensors, observed around {@link #NOW}. */
  static HostileBodies hostileBodies() {
    return new HostileBodies(List.of(ACME_CAMERA, GLOBEX_METER, RETIRED_CAMERA), NOW);
  }

  static ReadingIntake intake() {
    return new ReadingIntake(registry(), CLOCK, IngestSettings.defaults());
  }

  /** A valid licence-plate reading of acme's camera, observed at {@link #NOW}. */
  static ObjectNode plateReading() {
    return plateReading(UUID.randomUUID().toString(), ACME_CAMERA, NOW);
  }

  static ObjectNode plateReading(String readingId, String sensorId, Instant observedAt) {
    ObjectNode reading = ContractJson.mapper().createObjectNode();
    reading.put("readingId", readingId);
    reading.put("sensorId", sensorId);
    reading.put("observedAt", observedAt.toString());
    reading.put("category", "licence_plate");
    reading.putObject("location").put("lat", 43.64871).put("lon", -79.38172);
    reading
        .putObject("attributes")
        .put("plate", "ABCD123")
        .put("speedKmh", 48.2)
        .put("lane", 2)
        .put("imageRef", "img-77812");
    return reading;
  }

  static byte[] bytes(Object json) {
    return ContractJson.mapper().writeValueAsBytes(json);
  }

  static byte[] batch(ObjectNode... readings) {
    ObjectNode body = ContractJson.mapper().createObjectNode();
    var array = body.putArray("readings");
    for (ObjectNode reading : readings) {
      array.add(reading);
    }
    return bytes(body);
  }

  private ReadingFixtures() {}
}
