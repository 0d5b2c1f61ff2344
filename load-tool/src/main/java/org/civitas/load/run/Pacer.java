package org.civitas.load.run;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out start times spaced for a target rate, shared by all workers. A target that falls behind
 * may catch up by at most one second of backlog, so a stall is not followed by a burst that
 * flatters the average.
 */
final class Pacer {

  private static final long MAX_BACKLOG_NANOS = 1_000_000_000L;

  private final long intervalNanos;
  private final AtomicLong next;

  Pacer(long readingsPerSecond, int batch, long startNanos) {
    this.intervalNanos = Math.max(1, Math.round(batch * 1e9 / readingsPerSecond));
    this.next = new AtomicLong(startNanos);
  }

  /** The start time of the next request. */
  long claim(long nowNanos) {
    while (true) {
      long slot = next.get();
      long earliest = nowNanos - MAX_BACKLOG_NANOS;
      long start = slot - earliest < 0 ? earliest : slot;
      if (next.compareAndSet(slot, start + intervalNanos)) {
        return start;
      }
    }
  }
}
