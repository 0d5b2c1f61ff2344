package org.civitas.policy.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.civitas.contract.reading.Reading;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.contract.registry.SensorRegistration.Status;
import org.civitas.policy.document.PolicyDocument;
import org.civitas.policy.document.PolicyDocumentParser;
import org.civitas.policy.document.PolicyParseResult;
import org.civitas.policy.minimization.CompiledPolicy;
import org.civitas.policy.minimization.MinimizationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Minimization throughput of one core: a licence-plate policy compiled once, applied to a pool of
 * pre-generated readings as they arrive from the raw topic (Jackson maps: Double, Integer, String).
 * Target: at least 200,000 readings/s per core.
 *
 * <p>Run all benchmarks (JMH options in {@code jmh.args}, default in the pom):
 *
 * <pre>
 * ./mvnw -B -o -q -pl policy-service test-compile exec:exec \
 *     -Djmh.args="-f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc"
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Thread)
public class MinimizationBenchmark {

  static final String PLATE_POLICY =
      """
      region: CA
      categories:
        licence_plate:
          retention: PT24H
          residency: { storeIn: [CA], transferTo: [] }
          minimization:
            observedAt: { truncateTo: PT15M }
            location: { geohash: 6 }
            attributes:
              plate: { pseudonymize: { rotation: P1D } }
              speedKmh: { roundTo: 1 }
              lane: keep
              direction: keep
              imageRef: drop
              make: drop
              colour: drop
      """;

  static final int POOL_SIZE = 4096;
  static final int SENSORS = 16;
  static final Instant NOW = Instant.parse("2026-11-26T00:30:00Z");
  private static final String CATEGORY = "licence_plate";
  private static final String[] DIRECTIONS = {"N", "S", "E", "W"};
  private static final String[] MAKES = {"Toyota", "Honda", "Ford", "Tesla", "Hyundai", "Kia"};
  private static final String[] COLOURS = {"white", "black", "grey", "silver", "red", "blue"};
  private static final DateTimeFormatter OBSERVED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

  private CompiledPolicy policy;
  private Reading[] readings;
  private SensorRegistration[] sensors;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    policy =
        CompiledPolicy.compile(parse(PLATE_POLICY), 1, new BenchmarkKeys(NOW, Duration.ofHours(1)));
    SplittableRandom random = new SplittableRandom(20261126);
    sensors = new SensorRegistration[SENSORS];
    for (int i = 0; i < SENSORS; i++) {
      sensors[i] = camera("cam-%02d".formatted(i), random);
    }
    readings = new Reading[POOL_SIZE];
    for (int i = 0; i < POOL_SIZE; i++) {
      readings[i] = plateReading(sensors[i % SENSORS], random);
    }
    // every reading must be governed, or the benchmark would measure refusals
    for (int i = 0; i < POOL_SIZE; i++) {
      if (!(policy.minimize(readings[i], sensors[i % SENSORS])
          instanceof MinimizationResult.Governed)) {
        throw new IllegalStateException("benchmark reading " + i + " was refused");
      }
    }
  }

  @Benchmark
  public MinimizationResult minimize() {
    int i = next;
    next = (i + 1) & (POOL_SIZE - 1);
    return policy.minimize(readings[i], sensors[i & (SENSORS - 1)]);
  }

  static PolicyDocument parse(String yaml) {
    PolicyParseResult result = PolicyDocumentParser.parse(yaml);
    if (result instanceof PolicyParseResult.Valid valid) {
      return valid.document();
    }
    throw new IllegalStateException("invalid benchmark policy: " + result);
  }

  private static SensorRegistration camera(String sensorId, SplittableRandom random) {
    return new SensorRegistration(
        sensorId,
        "acme",
        "camera",
        List.of(CATEGORY),
        List.of("traffic-planning", "law-enforcement"),
        torontoLocation(random),
        "CA-ON",
        List.of("CA"),
        "municipal by-law 2026-17",
        "City of Toronto",
        "privacy@city.example",
        "ALPR camera",
        Status.ACTIVE,
        Instant.parse("2026-01-01T00:00:00Z"),
        null);
  }

  /**
   * Readings of the last 90 minutes, arriving just after midnight UTC, so pseudonyms use two
   * rotation periods (two keys, the older one still in its grace time).
   */
  private static Reading plateReading(SensorRegistration sensor, SplittableRandom random) {
    Instant observedAt = NOW.minusMillis(random.nextLong(Duration.ofMinutes(90).toMillis()));
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("plate", plate(random));
    attributes.put("speedKmh", Math.round(random.nextDouble(20, 90) * 10) / 10.0);
    attributes.put("lane", random.nextInt(1, 4));
    attributes.put("direction", DIRECTIONS[random.nextInt(DIRECTIONS.length)]);
    attributes.put("imageRef", "img-" + random.nextInt(1_000_000));
    attributes.put("make", MAKES[random.nextInt(MAKES.length)]);
    attributes.put("colour", COLOURS[random.nextInt(COLOURS.length)]);
    return new Reading(
        UUID.randomUUID().toString(),
        sensor.sensorId(),
        OBSERVED_AT.format(observedAt.atOffset(ZoneOffset.ofHours(-5))),
        CATEGORY,
        jitter(sensor.location(), random),
        attributes);
  }

  /** Ontario style: four letters, three digits. */
  private static String plate(SplittableRandom random) {
    StringBuilder plate = new StringBuilder(7);
    for (int i = 0; i < 4; i++) {
      plate.append((char) ('A' + random.nextInt(26)));
    }
    for (int i = 0; i < 3; i++) {
      plate.append((char) ('0' + random.nextInt(10)));
    }
    return plate.toString();
  }

  private static Location torontoLocation(SplittableRandom random) {
    return new Location(random.nextDouble(43.58, 43.85), random.nextDouble(-79.64, -79.12));
  }

  private static Location jitter(Location at, SplittableRandom random) {
    return new Location(
        at.lat() + random.nextDouble(-0.0002, 0.0002),
        at.lon() + random.nextDouble(-0.0002, 0.0002));
  }
}
