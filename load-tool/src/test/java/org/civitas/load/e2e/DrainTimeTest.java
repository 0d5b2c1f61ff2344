package org.civitas.load.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The drain is timed from the load's end to the first sample that reached the final count, so the
 * probe's grace period, during which the counter is not polled by the drain loop, is not counted.
 */
class DrainTimeTest {

  static final long SECOND = 1_000_000_000L;

  static PlatformMonitor.Sample sample(long nanos, double governedRows) {
    return new PlatformMonitor.Sample(nanos, governedRows, 0, Map.of());
  }

  @Test
  void drainEndsAtTheFirstSampleWithTheFinalCount() {
    long loadEnded = 100 * SECOND;
    List<PlatformMonitor.Sample> samples =
        List.of(
            sample(99 * SECOND, 900),
            sample(100 * SECOND, 950),
            sample(112 * SECOND, 990),
            sample(113 * SECOND, 1000),
            sample(130 * SECOND, 1000));

    assertThat(EndToEnd.lastGrowth(samples, loadEnded, 1000)).isEqualTo(13.0);
  }

  @Test
  void aCounterThatStoppedBeforeTheLoadEndedDrainedInNoTime() {
    List<PlatformMonitor.Sample> samples =
        List.of(sample(90 * SECOND, 1000), sample(101 * SECOND, 1000));

    assertThat(EndToEnd.lastGrowth(samples, 100 * SECOND, 1000)).isZero();
  }
}
