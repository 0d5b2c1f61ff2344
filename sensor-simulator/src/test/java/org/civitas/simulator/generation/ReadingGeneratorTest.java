package org.civitas.simulator.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.civitas.contract.reading.Reading;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.contract.registry.SensorRegistration;
import org.junit.jupiter.api.Test;

class ReadingGeneratorTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
  private static final List<String> CATEGORIES =
      List.of(
          "licence_plate",
          "traffic_count",
          "air_quality",
          "noise_level",
          "energy_usage",
          "transit_tap",
          "wifi_presence",
          "parking_occupancy",
          "pedestrian_count");

  private final ReadingGenerator generator =
      new ReadingGenerator(new Random(42), Clock.fixed(NOW, ZoneOffset.UTC));
  private final SensorRegistration sensor =
      sensor("multi-01", new Location(43.64871, -79.38172), CATEGORIES);

  @Test
  void identifiersHaveTheShapesOfTheRealThing() {
    for (int i = 0; i < 2000; i++) {
      assertThat((String) attribute("licence_plate", "plate")).matches("[A-Z]{4}[0-9]{3}");
      assertThat((String) attribute("energy_usage", "householdId")).matches("HH-[0-9]{6}");
      assertThat((String) attribute("transit_tap", "cardId")).matches("[0-9]{16}");
      String mac = (String) attribute("wifi_presence", "deviceMac");
      assertThat(mac).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
      int firstOctet = Integer.parseInt(mac.substring(0, 2), 16);
      assertThat(firstOctet & 0x02).as("locally administered").isEqualTo(0x02);
      assertThat(firstOctet & 0x01).as("unicast").isZero();
    }
  }

  @Test
  void measurementsAreInPlausibleRanges() {
    for (int i = 0; i < 2000; i++) {
      assertThat((double) attribute("licence_plate", "speedKmh")).isBetween(5.0, 130.0);
      assertThat((int) attribute("licence_plate", "lane")).isBetween(1, 3);
      assertThat((String) attribute("licence_plate", "imageRef")).matches("img-[0-9]{5}");
      assertThat((double) attribute("air_quality", "pm25")).isBetween(0.5, 150.0);
      assertThat((double) attribute("air_quality", "no2")).isBetween(1.0, 150.0);
      assertThat((double) attribute("air_quality", "o3")).isBetween(1.0, 120.0);
      assertThat((double) attribute("noise_level", "db")).isBetween(35.0, 110.0);
      assertThat((double) attribute("energy_usage", "kWh")).isBetween(0.01, 4.0);
      assertThat((int) attribute("wifi_presence", "rssi")).isBetween(-90, -30);
      assertThat((int) attribute("traffic_count", "vehicles")).isBetween(0, 120);
      assertThat((int) attribute("pedestrian_count", "pedestrians")).isBetween(0, 60);
      Map<String, Object> parking = generator.next(sensor, "parking_occupancy").attributes();
      assertThat((int) parking.get("spacesOccupied"))
          .isBetween(0, (int) parking.get("spacesTotal"));
    }
  }

  @Test
  void readingsAreContractShapedWithFreshIdsNearTheSensor() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      Reading reading = generator.next(sensor);
      assertThat(ids.add(reading.readingId())).isTrue();
      assertThat(UUID.fromString(reading.readingId()).toString()).isEqualTo(reading.readingId());
      assertThat(reading.sensorId()).isEqualTo("multi-01");
      assertThat(CATEGORIES).contains(reading.category());
      assertThat(OffsetDateTime.parse(reading.observedAt()).toInstant()).isEqualTo(NOW);
      assertThat(reading.location().lat())
          .isCloseTo(43.64871, org.assertj.core.data.Offset.offset(0.001));
      assertThat(reading.location().lon())
          .isCloseTo(-79.38172, org.assertj.core.data.Offset.offset(0.001));
      assertThat(reading.attributes()).isNotEmpty().hasSizeLessThanOrEqualTo(64);
      assertThat(reading.attributes().values())
          .allSatisfy(
              value ->
                  assertThat(value)
                      .isInstanceOfAny(String.class, Integer.class, Double.class, Boolean.class));
    }
  }

  @Test
  void sensorsWithoutLocationAreSimulatedDowntown() {
    Reading reading = generator.next(sensor("no-loc", null, List.of("noise_level")));

    assertThat(reading.location().lat()).isBetween(43.6, 43.7);
    assertThat(reading.location().lon()).isBetween(-79.42, -79.35);
  }

  @Test
  void peopleAndVehiclesRecur() {
    Set<Object> plates = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      plates.add(attribute("licence_plate", "plate"));
    }
    assertThat(plates.size()).isLessThan(1000);
  }

  @Test
  void unknownCategoriesStillGetAValue() {
    assertThat(generator.next(sensor, "soil_moisture").attributes()).containsKey("value");
  }

  private Object attribute(String category, String name) {
    return generator.next(sensor, category).attributes().get(name);
  }

  static SensorRegistration sensor(String id, Location location, List<String> categories) {
    return new SensorRegistration(
        id,
        "acme",
        "multi",
        categories,
        List.of("traffic-planning"),
        location,
        "CA-ON",
        List.of("CA"),
        null,
        null,
        null,
        null,
        SensorRegistration.Status.ACTIVE,
        NOW,
        null);
  }
}
