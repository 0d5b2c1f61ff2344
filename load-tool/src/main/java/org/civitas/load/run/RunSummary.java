package org.civitas.load.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine-readable result of one run (printed with {@code --json}).
 *
 * @param mode {@code ingest} or {@code kafka-baseline}
 * @param target the URL or broker and topic that was loaded
 * @param settings the options the run used, secrets left out
 * @param elapsedSeconds measured time, warm-up excluded
 * @param requests HTTP requests, or batches of Kafka sends awaited together
 * @param failedRequests requests without a success answer (error status, timeout, no connection)
 * @param acceptedPerSecond readings accepted (ingest) or records acknowledged (baseline) per second
 * @param statusCounts requests by HTTP status or outcome
 * @param rejectionCodes refused readings by the code of their first field error
 * @param problems error answers by status and problem title
 * @param latencyMillis per request, over the requests that got an answer
 * @param bytesSent request bodies (ingest) or record values (baseline)
 * @param generatorStalls requests that waited for their payload; above zero, the tool was the limit
 * @param details mode-specific observations, e.g. the producer's compression rate
 */
public record RunSummary(
    String mode,
    String target,
    String startedAt,
    Map<String, Object> settings,
    double elapsedSeconds,
    long requests,
    long failedRequests,
    long readingsSent,
    long accepted,
    long duplicates,
    long rejected,
    double acceptedPerSecond,
    double requestsPerSecond,
    Map<String, Long> statusCounts,
    Map<String, Long> rejectionCodes,
    Map<String, Long> problems,
    Latency latencyMillis,
    long bytesSent,
    double bytesPerSecond,
    double averageReadingBytes,
    long generatorStalls,
    Map<String, Object> details) {

  /** Percentiles of per-request latency in milliseconds, each within 1 % of the exact value. */
  public record Latency(long count, double p50, double p90, double p99, double max, double mean) {

    static Latency of(LatencyHistogram histogram) {
      return new Latency(
          histogram.count(),
          millis(histogram.percentileMicros(50)),
          millis(histogram.percentileMicros(90)),
          millis(histogram.percentileMicros(99)),
          millis(histogram.maxMicros()),
          Math.round(histogram.meanMicros()) / 1000.0);
    }

    private static double millis(long micros) {
      return micros / 1000.0;
    }
  }

  public static RunSummary of(
      String mode,
      String target,
      Map<String, Object> settings,
      RunResult result,
      Map<String, Object> details) {
    RunRecorder r = result.measured();
    double seconds = result.elapsedSeconds();
    long readings = r.readingsSent.sum();
    long bytes = r.bytesSent.sum();
    return new RunSummary(
        mode,
        target,
        result.startedAt(),
        new LinkedHashMap<>(settings),
        round(seconds, 3),
        r.requests.sum(),
        r.failedRequests.sum(),
        readings,
        r.accepted.sum(),
        r.duplicates.sum(),
        r.rejected.sum(),
        round(r.accepted.sum() / seconds, 1),
        round(r.requests.sum() / seconds, 2),
        r.statuses.snapshot(),
        r.rejectionCodes.snapshot(),
        r.problems.snapshot(),
        Latency.of(r.latency),
        bytes,
        round(bytes / seconds, 0),
        readings == 0 ? 0 : round((double) bytes / readings, 1),
        r.generatorStalls.sum(),
        new LinkedHashMap<>(details));
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
