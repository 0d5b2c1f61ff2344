package org.civitas.load;

import java.util.Locale;
import org.civitas.load.run.RunSummary;

/**
 * The ingest path against its ceiling on the same broker.
 *
 * @param ingestToBaselineRatio readings accepted per second through ingest, divided by records
 *     acknowledged per second by the raw producer; 0 when the baseline produced nothing
 */
record Comparison(RunSummary baseline, RunSummary ingest, double ingestToBaselineRatio) {

  static Comparison of(RunSummary baseline, RunSummary ingest) {
    double ratio =
        baseline.acceptedPerSecond() <= 0
            ? 0
            : Math.round(ingest.acceptedPerSecond() / baseline.acceptedPerSecond() * 10_000)
                / 10_000.0;
    return new Comparison(baseline, ingest, ratio);
  }

  String render() {
    return String.format(
        Locale.ROOT,
        "== compare: ingest / kafka-baseline ==%n"
            + "  %-18s %,.1f / %,.1f readings/s = %.3f (the ingest path reaches %.1f %% of the raw"
            + " producer on this broker)%n"
            + "  %-18s ingest %,.1f / baseline %,.1f%n"
            + "  %-18s ingest %,.1f / baseline %,.1f%n",
        "throughput",
        ingest.acceptedPerSecond(),
        baseline.acceptedPerSecond(),
        ingestToBaselineRatio,
        ingestToBaselineRatio * 100,
        "p50 latency (ms)",
        ingest.latencyMillis().p50(),
        baseline.latencyMillis().p50(),
        "p99 latency (ms)",
        ingest.latencyMillis().p99(),
        baseline.latencyMillis().p99());
  }
}
