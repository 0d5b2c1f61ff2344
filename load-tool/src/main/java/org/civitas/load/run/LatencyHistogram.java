package org.civitas.load.run;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies in a fixed set of log-linear buckets (the idea of HdrHistogram, in 30 KB): values below
 * 256 µs are exact, above that each power of two is split into 128 buckets, so any percentile is
 * within 1 % of the true value whatever the run length. Values beyond one hour count as one hour;
 * the maximum is kept exactly. Safe for concurrent recording.
 */
public final class LatencyHistogram {

  private static final int LINEAR_BITS = 8;
  private static final int LINEAR = 1 << LINEAR_BITS;
  private static final int HALF = LINEAR >> 1;
  static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.HOURS.toMicros(1);

  private final AtomicLongArray counts = new AtomicLongArray(indexOf(HIGHEST_TRACKABLE_MICROS) + 1);
  private final LongAdder total = new LongAdder();
  private final LongAdder sumMicros = new LongAdder();
  private final LongAccumulator maxMicros = new LongAccumulator(Math::max, 0);

  public void recordNanos(long nanos) {
    recordMicros(TimeUnit.NANOSECONDS.toMicros(Math.max(0, nanos)));
  }

  public void recordMicros(long micros) {
    long value = Math.max(0, micros);
    counts.incrementAndGet(indexOf(Math.min(value, HIGHEST_TRACKABLE_MICROS)));
    total.increment();
    sumMicros.add(value);
    maxMicros.accumulate(value);
  }

  public long count() {
    return total.sum();
  }

  public long maxMicros() {
    return maxMicros.get();
  }

  public double meanMicros() {
    long n = total.sum();
    return n == 0 ? 0 : (double) sumMicros.sum() / n;
  }

  /**
   * The value at or below which {@code percentile} percent of the recorded values lie: the highest
   * value of the bucket holding that rank, but never more than the recorded maximum. 0 when empty.
   */
  public long percentileMicros(double percentile) {
    if (percentile < 0 || percentile > 100) {
      throw new IllegalArgumentException("percentile must be in [0, 100]");
    }
    long n = 0;
    long[] snapshot = new long[counts.length()];
    for (int i = 0; i < snapshot.length; i++) {
      snapshot[i] = counts.get(i);
      n += snapshot[i];
    }
    if (n == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * n));
    long seen = 0;
    for (int i = 0; i < snapshot.length; i++) {
      seen += snapshot[i];
      if (seen >= rank) {
        return Math.min(highestOf(i), maxMicros.get());
      }
    }
    return maxMicros.get();
  }

  static int indexOf(long value) {
    if (value < LINEAR) {
      return (int) value;
    }
    int magnitude = 63 - Long.numberOfLeadingZeros(value);
    int shift = magnitude - LINEAR_BITS + 1;
    int top = (int) (value >>> shift);
    return LINEAR + (shift - 1) * HALF + (top - HALF);
  }

  static long highestOf(int index) {
    if (index < LINEAR) {
      return index;
    }
    int shift = (index - LINEAR) / HALF + 1;
    long top = (index - LINEAR) % HALF + HALF;
    return ((top + 1) << shift) - 1;
  }
}
