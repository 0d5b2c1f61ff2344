package org.civitas.policy.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.civitas.contract.ContractJson;
import org.civitas.contract.reading.GovernedReading;
import org.civitas.contract.reading.GovernedReading.GovernedLocation;
import org.junit.jupiter.api.Test;

class GovernedJsonUnitTest {

  private static final Random RANDOM = new Random(20261127);

  @Test
  void writesTheSameBytesAsTheContractMapperForTheContractExample() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("plate", "pz_Qm9JX2c1cGVyU2VjcmV0");
    attributes.put("speedKmh", 48.0);
    GovernedReading example =
        new GovernedReading(
            "8f14e45f-ea3b-4c1a-9d55-0d7c2b1a9e01",
            "cam-king-st-01",
            "licence_plate",
            Instant.parse("2026-11-26T10:15:00Z"),
            new GovernedLocation("dpz83d", null),
            attributes,
            "CA-ON",
            3,
            Instant.parse("2026-11-27T10:15:00Z"));

    assertSameAsMapper(example);
  }

  @Test
  void writesTheSameBytesAsTheContractMapperWhateverTheValues() {
    for (int i = 0; i < 2_000; i++) {
      assertSameAsMapper(randomReading());
    }
  }

  private static void assertSameAsMapper(GovernedReading reading) {
    byte[] written = GovernedJson.reading(reading, GovernedJson.attributes(reading.attributes()));

    assertThat(new String(written, StandardCharsets.UTF_8))
        .isEqualTo(
            new String(ContractJson.mapper().writeValueAsBytes(reading), StandardCharsets.UTF_8));
  }

  private static GovernedReading randomReading() {
    GovernedLocation[] locations = {
      null,
      GovernedLocation.DROPPED,
      new GovernedLocation("dpz83d", null),
      new GovernedLocation(null, "250m:43.648750,-79.381250"),
      new GovernedLocation(text(), text())
    };
    return new GovernedReading(
        RANDOM.nextInt(10) == 0 ? null : UUID.randomUUID().toString(),
        text(),
        text(),
        instant(),
        locations[RANDOM.nextInt(locations.length)],
        RANDOM.nextInt(10) == 0 ? null : attributes(2),
        RANDOM.nextInt(10) == 0 ? null : text(),
        RANDOM.nextLong(),
        instant());
  }

  private static Instant instant() {
    if (RANDOM.nextInt(10) == 0) {
      return null;
    }
    long seconds = RANDOM.nextLong(4_000_000_000L);
    int[] precisions = {0, 1_000_000, 1_000, 1};
    int precision = precisions[RANDOM.nextInt(precisions.length)];
    int nanos = precision == 0 ? 0 : RANDOM.nextInt(1_000_000_000 / precision) * precision;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private static Map<String, Object> attributes(int depth) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    int size = RANDOM.nextInt(5);
    for (int i = 0; i < size; i++) {
      attributes.put(text(), value(depth));
    }
    return attributes;
  }

  private static Object value(int depth) {
    switch (RANDOM.nextInt(depth > 0 ? 13 : 11)) {
      case 0:
        return null;
      case 1:
        return RANDOM.nextBoolean();
      case 2:
        return RANDOM.nextInt();
      case 3:
        return RANDOM.nextLong();
      case 4:
        return RANDOM.nextDouble() * 1e6 - 5e5;
      case 5:
      case 6:
        return text();
      case 7:
        // roundTo's results
        return BigDecimal.valueOf(RANDOM.nextLong(-1_000_000, 1_000_000), RANDOM.nextInt(-2, 4));
      case 8:
        return (float) RANDOM.nextDouble();
      case 9:
        return new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e300}[RANDOM.nextInt(4)];
      case 10:
        return Instant.ofEpochSecond(RANDOM.nextLong(4_000_000_000L));
      case 11:
        return attributes(depth - 1);
      default:
        List<Object> items = new ArrayList<>();
        for (int i = RANDOM.nextInt(4); i > 0; i--) {
          items.add(value(depth - 1));
        }
        return items;
    }
  }

  /** Plain text, JSON's escapes (quotes, backslashes, control characters) and non-ASCII text. */
  private static String text() {
    String[] pieces = {"a", "Z", "9", "-", "\"", "\\", "/", "\n", "\t", "\u0001", "é", "€", "😀"};
    StringBuilder text = new StringBuilder();
    for (int i = RANDOM.nextInt(12); i > 0; i--) {
      text.append(pieces[RANDOM.nextInt(pieces.length)]);
    }
    return text.toString();
  }
}
