package org.civitas.ingest.reading;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.civitas.contract.ContractJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parsing and validating one request of 500 readings as the load tool sends them (licence plates
 * and traffic counts of a registered camera), on the streamed path and, as the baseline in the same
 * run, with a tree per reading. One op is one request.
 *
 * <pre>
 * ./mvnw -B -o -q -pl ingest-service test-compile exec:exec \
 *     -Djmh.args="ReadingIntakeBenchmark -f 1 -wi 5 -w 2s -i 5 -r 2s -prof gc"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class ReadingIntakeBenchmark {

  @Param({"streamed", "tree"})
  public String path;

  private ReadingIntake intake;
  private byte[] body;

  @Setup
  public void setUp() {
    intake =
        new ReadingIntake(
            ReadingFixtures.registry(),
            ReadingFixtures.CLOCK,
            IngestSettings.defaults(),
            path.equals("streamed"));
    SplittableRandom random = new SplittableRandom(42);
    ObjectNode request = ContractJson.mapper().createObjectNode();
    ArrayNode readings = request.putArray("readings");
    for (int i = 0; i < 500; i++) {
      Instant observed = ReadingFixtures.NOW.minusMillis(random.nextLong(60_000));
      ObjectNode reading =
          ReadingFixtures.plateReading(
              UUID.randomUUID().toString(), ReadingFixtures.ACME_CAMERA, observed);
      if (i % 2 == 1) {
        reading.put("category", "traffic_count");
        reading
            .putObject("attributes")
            .put("count", random.nextInt(40))
            .put("vehicleClass", "car")
            .put("lane", 1 + random.nextInt(3))
            .put("avgSpeedKmh", Math.round(random.nextDouble(20, 60) * 10) / 10.0);
      }
      reading
          .putObject("location")
          .put("lat", 43.6 + random.nextDouble() / 10)
          .put("lon", -79.4 + random.nextDouble() / 10);
      readings.add(reading);
    }
    body = ContractJson.mapper().writeValueAsBytes(request);
    Assessment check = intake.assess(body, BodyFormat.JSON, "acme");
    if (check.valid().size() != 500) {
      throw new IllegalStateException("the benchmark's readings are not all valid: " + check);
    }
  }

  @Benchmark
  public Assessment assess() {
    return intake.assess(body, BodyFormat.JSON, "acme");
  }
}
