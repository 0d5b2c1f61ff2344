package org.civitas.load.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.civitas.contract.ContractJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PayloadsTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:15:30.120Z");
  private static final List<SensorTarget> SENSORS =
      List.of(
          new SensorTarget("cam-king-st-01", List.of("licence_plate", "traffic_count")),
          new SensorTarget("meter-queen-07", List.of("energy_usage")),
          new SensorTarget("tap-504-12", List.of("transit_tap")),
          new SensorTarget("ap-union-03", List.of("wifi_presence")),
          new SensorTarget("aq-02", List.of("air_quality", "noise_level", "city_heat")));

  private final Payloads payloads =
      new Payloads(
          new ReadingGenerator(SENSORS, new SplittableRandom(1)),
          256,
          new SplittableRandom(2),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void everyReadingOfABodyFollowsTheContractRules() {
    Body body = payloads.body(500);

    JsonNode readings = ContractJson.mapper().readTree(body.json()).get("readings");
    assertThat(body.readings()).isEqualTo(500);
    assertThat(readings.size()).isEqualTo(500);
    for (JsonNode reading : readings) {
      assertValid(reading);
    }
  }

  @Test
  void readingIdsAreFreshRandomUuidsAcrossBodiesAndRecords() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      for (JsonNode reading :
          ContractJson.mapper().readTree(payloads.body(500).json()).get("readings")) {
        ids.add(reading.get("readingId").stringValue());
      }
      for (byte[] value : payloads.records(500).values()) {
        ids.add(ContractJson.mapper().readTree(value).get("readingId").stringValue());
      }
    }

    assertThat(ids).hasSize(20 * 1000);
    assertThat(ids).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(4));
  }

  @Test
  void observedAtIsNowWithAnOffset() {
    JsonNode reading =
        ContractJson.mapper().readTree(payloads.body(1).json()).get("readings").get(0);

    String observedAt = reading.get("observedAt").stringValue();
    assertThat(observedAt).isEqualTo("2026-11-26T10:15:30.120Z");
    assertThat(OffsetDateTime.parse(observedAt, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant())
        .isEqualTo(NOW);
  }

  @Test
  void recordsAreKeyedBySensorAndValidOnTheirOwn() {
    RecordBatch batch = payloads.records(300);

    assertThat(batch.size()).isEqualTo(300);
    long bytes = 0;
    for (int i = 0; i < batch.size(); i++) {
      JsonNode reading = ContractJson.mapper().readTree(batch.values()[i]);
      assertValid(reading);
      assertThat(batch.keys()[i]).isEqualTo(reading.get("sensorId").stringValue());
      bytes += batch.values()[i].length;
    }
    assertThat(batch.bytes()).isEqualTo(bytes);
  }

  @Test
  void readingsHaveTheFieldOrderIngestNormalizesTo() {
    JsonNode reading = ContractJson.mapper().readTree(payloads.records(1).values()[0]);

    List<String> fields = new ArrayList<>();
    reading.propertyNames().forEach(fields::add);
    assertThat(fields)
        .containsExactly(
            "readingId", "sensorId", "observedAt", "category", "location", "attributes");
  }

  @Test
  void sensorIdsThatNeedEscapingDoNotDisturbStamping() {
    Payloads odd =
        new Payloads(
            new ReadingGenerator(
                List.of(new SensorTarget("cam \"Zürich\" \\ 01", List.of("noise_level"))),
                new SplittableRandom(3)),
            4,
            new SplittableRandom(4),
            Clock.fixed(NOW, ZoneOffset.UTC));

    for (JsonNode reading : ContractJson.mapper().readTree(odd.body(10).json()).get("readings")) {
      assertValid(reading);
      assertThat(reading.get("sensorId").stringValue()).isEqualTo("cam \"Zürich\" \\ 01");
    }
  }

  @Test
  void personalAttributesOfTheContractAppearInTheirCategories() {
    ReadingGenerator generator = new ReadingGenerator(SENSORS, new SplittableRandom(5));

    assertThat(generator.attributes("licence_plate")).containsKey("plate");
    assertThat(generator.attributes("energy_usage")).containsKey("householdId");
    assertThat(generator.attributes("transit_tap")).containsKey("cardId");
    assertThat(generator.attributes("wifi_presence")).containsKey("deviceMac");
    for (String category : ReadingGenerator.BUILT_IN_CATEGORIES) {
      assertThat(generator.attributes(category)).as(category).isNotEmpty();
    }
  }

  @Test
  void singleReadingsFromTheGeneratorAreValidToo() {
    ReadingGenerator generator = new ReadingGenerator(SENSORS, new SplittableRandom(6));

    for (int i = 0; i < 100; i++) {
      Instant now = Instant.now();
      assertValid(ContractJson.mapper().readTree(Payloads.serialize(generator.next(now))), now);
    }
  }

  /** CONTRACT §4.1, as the ingest endpoint checks it. */
  private static void assertValid(JsonNode reading) {
    assertValid(reading, NOW);
  }

  private static void assertValid(JsonNode reading, Instant now) {
    String id = reading.get("readingId").stringValue();
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);

    String sensorId = reading.get("sensorId").stringValue();
    SensorTarget sensor =
        SENSORS.stream().filter(s -> s.sensorId().equals(sensorId)).findFirst().orElse(null);
    if (sensor != null) {
      assertThat(sensor.categories()).contains(reading.get("category").stringValue());
    }

    Instant observed =
        OffsetDateTime.parse(
                reading.get("observedAt").stringValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .toInstant();
    assertThat(observed).isBetween(now.minus(Duration.ofDays(7)), now.plus(Duration.ofMinutes(5)));

    double lat = reading.get("location").get("lat").doubleValue();
    double lon = reading.get("location").get("lon").doubleValue();
    assertThat(Double.isFinite(lat) && Math.abs(lat) <= 90).isTrue();
    assertThat(Double.isFinite(lon) && Math.abs(lon) <= 180).isTrue();

    JsonNode attributes = reading.get("attributes");
    assertThat(attributes.isObject()).isTrue();
    assertThat(attributes.size()).isBetween(1, 64);
    for (Map.Entry<String, JsonNode> attribute : attributes.properties()) {
      JsonNode value = attribute.getValue();
      assertThat(value.isString() || value.isNumber() || value.isBoolean() || value.isNull())
          .as(attribute.getKey())
          .isTrue();
      if (value.isString()) {
        assertThat(value.stringValue().length()).isLessThanOrEqualTo(1024);
      }
      if (value.isNumber()) {
        assertThat(Double.isFinite(value.doubleValue())).isTrue();
      }
    }
    assertThat(reading.toString().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(16 * 1024);
  }
}
