package org.civitas.load.run;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** Everything measured in one phase (warm-up or measurement) of a run. Safe for concurrent use. */
public final class RunRecorder {

  final LongAdder requests = new LongAdder();
  final LongAdder failedRequests = new LongAdder();
  final LongAdder readingsSent = new LongAdder();
  final LongAdder accepted = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder rejected = new LongAdder();
  final LongAdder bytesSent = new LongAdder();
  final LongAdder generatorStalls = new LongAdder();
  final Counts statuses = new Counts(32);
  final Counts rejectionCodes = new Counts(32);
  final Counts problems = new Counts(16);
  final LatencyHistogram latency = new LatencyHistogram();
  final LongAccumulator lastCompletionNanos = new LongAccumulator(Math::max, Long.MIN_VALUE);

  void record(Outcome outcome, int readings, long bytes, long completedAtNanos) {
    requests.increment();
    if (!outcome.success()) {
      failedRequests.increment();
    }
    readingsSent.add(readings);
    bytesSent.add(bytes);
    accepted.add(outcome.accepted());
    duplicates.add(outcome.duplicates());
    rejected.add(outcome.rejected());
    statuses.add(outcome.status(), 1);
    for (String code : outcome.rejectionCodes()) {
      rejectionCodes.add(code, 1);
    }
    problems.add(outcome.problem(), 1);
    if (outcome.hasLatency()) {
      latency.recordNanos(outcome.latencyNanos());
    }
    lastCompletionNanos.accumulate(completedAtNanos);
  }

  public long accepted() {
    return accepted.sum();
  }

  public long requests() {
    return requests.sum();
  }
}
