package org.civitas.load.run;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A warm-up that lasts until the target has settled: once the plan's warm-up is over, measuring
 * starts as soon as {@code settled} answers true (asked every {@link #CHECK_EVERY}), and at {@code
 * longest} after the start whether or not. A platform just started compiles for minutes and can end
 * a fixed warm-up with a backlog it then carries through the whole measured time
 * (docs/performance.md, Session 8); this measures the steady state instead and says when it never
 * came.
 *
 * @param settled whether the target has settled; called from one thread
 * @param longest the longest warm-up, counted from the start of the load
 * @param measuring run once when measuring starts, settled or not
 */
public record Settling(BooleanSupplier settled, Duration longest, Runnable measuring) {

  static final Duration CHECK_EVERY = Duration.ofMillis(500);

  public Settling {
    if (longest.isNegative()) {
      throw new IllegalArgumentException("the longest warm-up is negative: " + longest);
    }
  }
}
