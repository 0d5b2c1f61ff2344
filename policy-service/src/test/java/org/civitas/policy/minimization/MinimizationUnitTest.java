package org.civitas.policy.minimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.policy.minimization.MinimizationFixtures.decommissioned;
import static org.civitas.policy.minimization.MinimizationFixtures.document;
import static org.civitas.policy.minimization.MinimizationFixtures.plateReading;
import static org.civitas.policy.minimization.MinimizationFixtures.sensor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.civitas.contract.reading.GovernedReading;
import org.civitas.contract.reading.GovernedReading.GovernedLocation;
import org.civitas.contract.reading.Reading;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.policy.minimization.MinimizationResult.Governed;
import org.civitas.policy.minimization.MinimizationResult.Refused;
import org.junit.jupiter.api.Test;

class MinimizationUnitTest {

  static final String CONTRACT_POLICY =
      """
      region: CA
      categories:
        licence_plate:
          retention: PT24H
          residency: { storeIn: [CA], transferTo: [] }
          minimization:
            observedAt: { truncateTo: PT15M }
            location:   { geohash: 6 }
            attributes:
              plate:    { pseudonymize: { rotation: P1D } }
              speedKmh: { roundTo: 1 }
        air_quality:
          retention: P30D
          residency: { storeIn: [US] }
      """;

  final InMemoryPseudonymKeys keys = new InMemoryPseudonymKeys();
  final CompiledPolicy policy = CompiledPolicy.compile(document(CONTRACT_POLICY), 3, keys);
  final SensorRegistration camera = sensor("cam-king-st-01", "licence_plate", "air_quality");

  GovernedReading governed(CompiledPolicy policy, Reading reading) {
    MinimizationResult result = policy.minimize(reading, camera);
    assertThat(result).isInstanceOf(Governed.class);
    return ((Governed) result).reading();
  }

  Object attribute(String action, Object value) {
    CompiledPolicy compiled =
        CompiledPolicy.compile(
            document(
                """
                region: CA
                categories:
                  licence_plate:
                    retention: PT1H
                    residency: { storeIn: [CA] }
                    minimization:
                      attributes:
                        x: %s
                """
                    .formatted(action)),
            1,
            keys);
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("x", value);
    Reading reading =
        new Reading(
            "r-1", "cam-king-st-01", "2026-11-26T10:15:30Z", "licence_plate", null, attributes);
    return governed(compiled, reading).attributes().getOrDefault("x", "<absent>");
  }

  @Test
  void contractExampleIsMinimizedAsTheContractShows() {
    Reading reading = plateReading("2026-11-26T10:15:30Z", "ABCD123");

    GovernedReading governed = governed(policy, reading);

    assertThat(governed.readingId()).isEqualTo(reading.readingId());
    assertThat(governed.sensorId()).isEqualTo("cam-king-st-01");
    assertThat(governed.category()).isEqualTo("licence_plate");
    assertThat(governed.observedAt()).isEqualTo(Instant.parse("2026-11-26T10:15:00Z"));
    assertThat(governed.location()).isEqualTo(new GovernedLocation("dpz83d", null));
    assertThat(governed.attributes()).containsOnlyKeys("plate", "speedKmh");
    assertThat(governed.attributes().get("plate")).asString().matches("pz_[A-Za-z0-9_-]{22}");
    assertThat(governed.attributes().get("speedKmh")).isEqualTo(48.0);
    assertThat(governed.jurisdiction()).isEqualTo("CA-ON");
    assertThat(governed.policyVersion()).isEqualTo(3);
  }

  @Test
  void expiryCountsFromTheTruncatedTimeSoThatItRevealsNothingTruncationRemoved() {
    GovernedReading governed = governed(policy, plateReading("2026-11-26T10:15:30Z", "ABCD123"));

    assertThat(governed.expiresAt()).isEqualTo(Instant.parse("2026-11-27T10:15:00Z"));
  }

  @Test
  void observedAtWithAnOffsetIsNormalizedAndFloored() {
    GovernedReading governed =
        governed(policy, plateReading("2026-11-26T05:29:59.999-05:00", "ABCD123"));

    assertThat(governed.observedAt()).isEqualTo(Instant.parse("2026-11-26T10:15:00Z"));
  }

  @Test
  void samePlateInTheSamePeriodGetsTheSamePseudonym() {
    Object morning =
        governed(policy, plateReading("2026-11-26T08:00:00Z", "ABCD123")).attributes().get("plate");
    Object evening =
        governed(policy, plateReading("2026-11-26T23:59:59Z", "ABCD123")).attributes().get("plate");
    Object otherPlate =
        governed(policy, plateReading("2026-11-26T23:59:59Z", "WXYZ789")).attributes().get("plate");

    assertThat(morning).isEqualTo(evening).isNotEqualTo(otherPlate);
  }

  @Test
  void samePlateInAnotherPeriodGetsAnUnlinkablePseudonym() {
    Object today =
        governed(policy, plateReading("2026-11-26T23:59:59Z", "ABCD123")).attributes().get("plate");
    Object tomorrow =
        governed(policy, plateReading("2026-11-27T00:00:00Z", "ABCD123")).attributes().get("plate");

    assertThat(today).isNotEqualTo(tomorrow);
  }

  @Test
  void readingWhosePeriodKeyWasDestroyedIsRefused() {
    keys.destroy("licence_plate", Duration.ofDays(1), Instant.parse("2026-11-26T12:00:00Z"));

    assertThat(policy.minimize(plateReading("2026-11-26T10:15:30Z", "ABCD123"), camera))
        .isEqualTo(new Refused(RefusalReason.PSEUDONYM_KEY_DESTROYED));
    assertThat(policy.minimize(plateReading("2026-11-27T10:15:30Z", "ABCD123"), camera))
        .isInstanceOf(Governed.class);
  }

  @Test
  void pseudonymIsTheHmacOfTheValueUnderItsPeriodsKeyWhateverWasHashedBefore() throws Exception {
    // periods alternate on one thread, so a Mac kept from the previous value must not leak into
    // the next one
    for (String at : new String[] {"2026-11-26T10:00:00Z", "2026-11-27T10:00:00Z"}) {
      for (String plate : new String[] {"ABCD123", "WXYZ789", "ABCD123"}) {
        Instant observed = Instant.parse(at);
        Object pseudonym = governed(policy, plateReading(at, plate)).attributes().get("plate");
        SecretKey key = keys.keyFor("licence_plate", Duration.ofDays(1), observed).orElseThrow();
        assertThat(pseudonym).isEqualTo(expectedPseudonym(key, plate));
      }
    }
  }

  @Test
  void keyDestroyedAfterUseOnThisThreadIsNotUsedAgain() {
    governed(policy, plateReading("2026-11-26T10:15:30Z", "ABCD123"));
    keys.destroy("licence_plate", Duration.ofDays(1), Instant.parse("2026-11-26T12:00:00Z"));

    assertThat(policy.minimize(plateReading("2026-11-26T10:15:30Z", "ABCD123"), camera))
        .isEqualTo(new Refused(RefusalReason.PSEUDONYM_KEY_DESTROYED));
  }

  private static String expectedPseudonym(SecretKey key, String value) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(key);
    byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    return "pz_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
  }

  @Test
  void keepCopiesTheValue() {
    assertThat(attribute("keep", "ABC-123")).isEqualTo("ABC-123");
    assertThat(attribute("keep", 42)).isEqualTo(42);
    assertThat(attribute("keep", true)).isEqualTo(true);
  }

  @Test
  void dropRemovesTheAttribute() {
    assertThat(attribute("drop", "ABC-123")).isEqualTo("<absent>");
  }

  @Test
  void unlistedAttributesAreDropped() {
    GovernedReading governed = governed(policy, plateReading("2026-11-26T10:15:30Z", "ABCD123"));

    assertThat(governed.attributes()).doesNotContainKeys("lane", "imageRef");
  }

  @Test
  void redactKeepsOnlyAMarker() {
    assertThat(attribute("redact", "ABC-123")).isEqualTo("[redacted]");
    assertThat(attribute("redact", 42)).isEqualTo("[redacted]");
  }

  @Test
  void roundToRoundsToTheNearestMultiple() {
    assertThat(attribute("{ roundTo: 5 }", 47)).isEqualTo(45L);
    assertThat(attribute("{ roundTo: 5 }", 48)).isEqualTo(50L);
    assertThat(attribute("{ roundTo: 1 }", 48.2)).isEqualTo(48.0);
    assertThat(attribute("{ roundTo: 0.5 }", 48.3)).isEqualTo(48.5);
    assertThat(attribute("{ roundTo: 0.1 }", 21.349)).isEqualTo(21.3);
    assertThat(attribute("{ roundTo: 10 }", -14.9)).isEqualTo(-10.0);
  }

  @Test
  void roundToDropsValuesThatAreNotNumbers() {
    assertThat(attribute("{ roundTo: 1 }", "48.2")).isEqualTo("<absent>");
    assertThat(attribute("{ roundTo: 1 }", true)).isEqualTo("<absent>");
    assertThat(attribute("{ roundTo: 1 }", Double.NaN)).isEqualTo("<absent>");
  }

  @Test
  void bucketReplacesNumbersByTheirIntervalLabel() {
    String edges = "{ bucket: [20, 40, 60, 100] }";
    assertThat(attribute(edges, 5)).isEqualTo("<20");
    assertThat(attribute(edges, 20)).isEqualTo("20-40");
    assertThat(attribute(edges, 45.5)).isEqualTo("40-60");
    assertThat(attribute(edges, 99.99)).isEqualTo("60-100");
    assertThat(attribute(edges, 100)).isEqualTo(">=100");
    assertThat(attribute("{ bucket: [0.5, 1.5] }", 1)).isEqualTo("0.5-1.5");
    assertThat(attribute(edges, "45")).isEqualTo("<absent>");
  }

  @Test
  void pseudonymizeIsAKeyedHashWithThePrefix() {
    Object pseudonym = attribute("{ pseudonymize: { rotation: P1D } }", "AA:BB:CC:DD:EE:FF");

    assertThat(pseudonym).asString().startsWith("pz_").hasSize(25).doesNotContain("AA:BB");
    assertThat(attribute("{ pseudonymize: { rotation: P1D } }", null)).isNull();
  }

  @Test
  void gridMetersSnapsTheLocationIntoTheGridField() {
    CompiledPolicy grid =
        CompiledPolicy.compile(
            document(
                """
                region: CA
                categories:
                  licence_plate:
                    retention: PT1H
                    residency: { storeIn: [CA] }
                    minimization: { location: { gridMeters: 250 } }
                """),
            1,
            keys);

    GovernedLocation location =
        governed(grid, plateReading("2026-11-26T10:15:30Z", "ABCD123")).location();

    assertThat(location.geohash()).isNull();
    assertThat(location.grid()).isEqualTo(GridCell.snap(43.64871, -79.38172, 250));
  }

  @Test
  void droppedOrMissingLocationKeepsNoCoordinates() {
    CompiledPolicy drop =
        CompiledPolicy.compile(
            document(
                """
                region: CA
                categories:
                  licence_plate:
                    retention: PT1H
                    residency: { storeIn: [CA] }
                    minimization: { location: { drop: true } }
                """),
            1,
            keys);
    Reading withoutLocation =
        new Reading(
            "r-2", "cam-king-st-01", "2026-11-26T10:15:30Z", "licence_plate", null, Map.of());

    assertThat(governed(drop, plateReading("2026-11-26T10:15:30Z", "A")).location())
        .isEqualTo(GovernedLocation.DROPPED);
    assertThat(governed(policy, withoutLocation).location()).isEqualTo(GovernedLocation.DROPPED);
    assertThat(
            governed(
                    policy,
                    new Reading(
                        "r-3",
                        "cam-king-st-01",
                        "2026-11-26T10:15:30Z",
                        "licence_plate",
                        new Location(null, 10.0),
                        Map.of()))
                .location())
        .isEqualTo(GovernedLocation.DROPPED);
  }

  @Test
  void withoutTruncationTheObservedTimeIsKept() {
    CompiledPolicy exact =
        CompiledPolicy.compile(
            document(
                """
                region: CA
                categories:
                  licence_plate:
                    retention: PT1H
                    residency: { storeIn: [CA] }
                """),
            1,
            keys);

    assertThat(governed(exact, plateReading("2026-11-26T10:15:30.250Z", "A")).observedAt())
        .isEqualTo(Instant.parse("2026-11-26T10:15:30.250Z"));
  }

  @Test
  void timesAreKeptToTheMicrosecondLikeTheStore() {
    CompiledPolicy exact =
        CompiledPolicy.compile(
            document(
                """
                region: CA
                categories:
                  licence_plate:
                    retention: PT24H
                    residency: { storeIn: [CA] }
                """),
            1,
            keys);

    GovernedReading governed =
        governed(exact, plateReading("2026-11-26T10:15:30.123456789Z", "ABCD123"));

    assertThat(governed.observedAt()).isEqualTo(Instant.parse("2026-11-26T10:15:30.123456Z"));
    assertThat(governed.expiresAt()).isEqualTo(Instant.parse("2026-11-27T10:15:30.123456Z"));
  }

  @Test
  void unknownSensorIsRefused() {
    assertThat(policy.minimize(plateReading("2026-11-26T10:15:30Z", "A"), null))
        .isEqualTo(new Refused(RefusalReason.SENSOR_UNKNOWN));
  }

  @Test
  void decommissionedSensorIsRefused() {
    assertThat(
            policy.minimize(
                plateReading("2026-11-26T10:15:30Z", "A"),
                decommissioned("cam-king-st-01", "licence_plate")))
        .isEqualTo(new Refused(RefusalReason.SENSOR_INACTIVE));
  }

  @Test
  void categoryTheSensorIsNotRegisteredForIsRefused() {
    assertThat(
            policy.minimize(
                plateReading("2026-11-26T10:15:30Z", "A"),
                sensor("cam-king-st-01", "traffic_count")))
        .isEqualTo(new Refused(RefusalReason.CATEGORY_NOT_REGISTERED));
  }

  @Test
  void categoryWithoutPolicyIsRefused() {
    Reading noise =
        new Reading("r-4", "mic-1", "2026-11-26T10:15:30Z", "noise_level", null, Map.of());

    assertThat(policy.minimize(noise, sensor("mic-1", "noise_level")))
        .isEqualTo(new Refused(RefusalReason.NO_POLICY_FOR_CATEGORY));
  }

  @Test
  void categoryThatMayNotBeStoredInThisRegionIsRefused() {
    Reading air =
        new Reading("r-5", "cam-king-st-01", "2026-11-26T10:15:30Z", "air_quality", null, Map.of());

    assertThat(policy.minimize(air, camera)).isEqualTo(new Refused(RefusalReason.RESIDENCY));
  }

  @Test
  void readingWithoutAUsableTimestampIsRefusedAsMalformed() {
    assertThat(policy.minimize(plateReading("yesterday", "A"), camera))
        .isEqualTo(new Refused(RefusalReason.MALFORMED));
    assertThat(policy.minimize(plateReading(null, "A"), camera))
        .isEqualTo(new Refused(RefusalReason.MALFORMED));
  }
}
