package org.civitas.simulator.sink;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Counts of what happened to sent readings since the last summary; counts only, no values. */
public final class SinkStats {

  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<String> lastProblem = new AtomicReference<>();

  void sent(long n) {
    sent.addAndGet(n);
  }

  void delivered(long n) {
    delivered.addAndGet(n);
  }

  void duplicates(long n) {
    duplicates.addAndGet(n);
  }

  void rejected(long n) {
    rejected.addAndGet(n);
  }

  /**
   * @param problem a status code or exception type, never a message that may quote data
   */
  void failed(long n, String problem) {
    failed.addAndGet(n);
    lastProblem.set(problem);
  }

  /** The counts since the previous call, which start again from zero. */
  public Snapshot drain() {
    return new Snapshot(
        sent.getAndSet(0),
        delivered.getAndSet(0),
        duplicates.getAndSet(0),
        rejected.getAndSet(0),
        failed.getAndSet(0),
        lastProblem.getAndSet(null));
  }

  public record Snapshot(
      long sent, long delivered, long duplicates, long rejected, long failed, String lastProblem) {}
}
