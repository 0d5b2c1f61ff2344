package org.civitas.load.run;

import java.time.Duration;
import java.util.List;

/**
 * What one request (an HTTP POST, or one batch of Kafka sends awaited together) came to.
 *
 * @param status HTTP status code, {@code acked}, or a short error kind such as {@code io_error}
 * @param success whether the request did what it was sent for
 * @param latencyNanos time from sending to the answer; negative when there was no answer
 * @param accepted readings the target took
 * @param duplicates readings the target recognised as already taken
 * @param rejected readings the target refused
 * @param rejectionCodes the error code of each refused reading's first error
 * @param problem short description of an error answer (e.g. its problem title), or null
 * @param pause how long the worker should hold back before its next request (Retry-After)
 */
public record Outcome(
    String status,
    boolean success,
    long latencyNanos,
    int accepted,
    int duplicates,
    int rejected,
    List<String> rejectionCodes,
    String problem,
    Duration pause) {

  public Outcome {
    rejectionCodes = rejectionCodes == null ? List.of() : rejectionCodes;
    pause = pause == null ? Duration.ZERO : pause;
  }

  public static Outcome answered(
      String status,
      long latencyNanos,
      int accepted,
      int duplicates,
      int rejected,
      List<String> rejectionCodes) {
    return new Outcome(
        status, true, latencyNanos, accepted, duplicates, rejected, rejectionCodes, null, null);
  }

  /** An error answer: it has a latency, but nothing was taken. */
  public static Outcome refused(String status, long latencyNanos, String problem, Duration pause) {
    return new Outcome(status, false, latencyNanos, 0, 0, 0, null, problem, pause);
  }

  /** No answer at all (connection refused, timeout, broker gone). */
  public static Outcome unanswered(String status, String problem, Duration pause) {
    return new Outcome(status, false, -1, 0, 0, 0, null, problem, pause);
  }

  boolean hasLatency() {
    return latencyNanos >= 0;
  }
}
