package org.civitas.policy.governance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.civitas.contract.ContractJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Encoding a minimized reading's attributes (a pseudonymized plate, a rounded speed, a lane and a
 * direction kept): {@link GovernedJson#attributes} against the contract mapper, its baseline in the
 * same run.
 *
 * <pre>
 * ./mvnw -B -q -pl policy-service test-compile exec:exec \
 *     -Djmh.args="GovernedJsonBenchmark -f 1 -wi 5 -w 2s -i 5 -r 2s -prof gc"
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Thread)
public class GovernedJsonBenchmark {

  @Param({"direct", "mapper"})
  public String path;

  private final Map<String, Object> attributes = new LinkedHashMap<>();

  public GovernedJsonBenchmark() {
    attributes.put("plate", "pz_Qm9JX2c1cGVyU2VjcmV0LWtleS0xMjM0NTY3ODk");
    attributes.put("speedKmh", 48.0);
    attributes.put("lane", 2);
    attributes.put("direction", "N");
  }

  @Benchmark
  public byte[] attributes() {
    return path.equals("direct")
        ? GovernedJson.attributes(attributes)
        : ContractJson.mapper().writeValueAsBytes(attributes);
  }
}
