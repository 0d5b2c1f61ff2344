package org.civitas.policy.benchmarks;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.civitas.contract.Roles;
import org.civitas.policy.access.AccessDecision;
import org.civitas.policy.access.AccessRules;
import org.civitas.policy.document.AccessRule.Granularity;
import org.civitas.policy.document.DefaultPolicy;
import org.civitas.policy.minimization.CompiledPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Latency of one access decision against the default policy, including the category look-up the
 * data endpoint does first. Target: at most 5 µs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@State(Scope.Thread)
public class AccessDecisionBenchmark {

  /** One request each for a permit, a warrant permit, and the denial found last. */
  @Param({"STAFF_RECORD", "WARRANT_RECORD", "WARRANT_MISSING"})
  public Request request;

  public enum Request {
    STAFF_RECORD(
        "licence_plate", "traffic-planning", Set.of(Roles.STAFF), null, Granularity.RECORD),
    WARRANT_RECORD(
        "licence_plate",
        "law-enforcement",
        Set.of(Roles.LAW_ENFORCEMENT),
        "W-2026-0042",
        Granularity.RECORD),
    WARRANT_MISSING(
        "licence_plate", "law-enforcement", Set.of(Roles.LAW_ENFORCEMENT), " ", Granularity.RECORD);

    final String category;
    final String purpose;
    final Set<String> roles;
    final String warrantRef;
    final Granularity granularity;

    Request(
        String category,
        String purpose,
        Set<String> roles,
        String warrantRef,
        Granularity granularity) {
      this.category = category;
      this.purpose = purpose;
      this.roles = roles;
      this.warrantRef = warrantRef;
      this.granularity = granularity;
    }
  }

  private CompiledPolicy policy;

  @Setup(Level.Trial)
  public void setUp() {
    policy =
        CompiledPolicy.compile(
            MinimizationBenchmark.parse(DefaultPolicy.text()),
            1,
            new BenchmarkKeys(MinimizationBenchmark.NOW, java.time.Duration.ofHours(1)));
    boolean permitted = decide() instanceof AccessDecision.Permit;
    if (permitted != (request != Request.WARRANT_MISSING)) {
      throw new IllegalStateException("unexpected decision for " + request);
    }
  }

  @Benchmark
  public AccessDecision decide() {
    return AccessRules.decide(
        policy.category(request.category).orElse(null),
        request.roles,
        request.purpose,
        request.warrantRef,
        request.granularity);
  }
}
