package org.civitas.load.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void percentilesOfAUniformRangeAreWithinOnePercent() {
    LatencyHistogram histogram = new LatencyHistogram();
    for (long micros = 1; micros <= 100_000; micros++) {
      histogram.recordMicros(micros);
    }

    assertThat(histogram.count()).isEqualTo(100_000);
    assertThat(histogram.percentileMicros(50)).isCloseTo(50_000L, within(500L));
    assertThat(histogram.percentileMicros(90)).isCloseTo(90_000L, within(900L));
    assertThat(histogram.percentileMicros(99)).isCloseTo(99_000L, within(990L));
    assertThat(histogram.percentileMicros(100)).isEqualTo(100_000L);
    assertThat(histogram.maxMicros()).isEqualTo(100_000L);
    assertThat(histogram.meanMicros()).isCloseTo(50_000.5, within(0.001));
  }

  @Test
  void percentilesMatchSortedValuesOfASkewedSampleWithinOnePercent() {
    SplittableRandom random = new SplittableRandom(42);
    LatencyHistogram histogram = new LatencyHistogram();
    long[] values = new long[20_000];
    for (int i = 0; i < values.length; i++) {
      // long tail, like real latencies: mostly a few ms, sometimes seconds
      values[i] = (long) (2_000 * Math.exp(random.nextDouble() * 7));
      histogram.recordMicros(values[i]);
    }
    Arrays.sort(values);

    for (double p : new double[] {50, 90, 99, 99.9}) {
      long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
      assertThat(histogram.percentileMicros(p))
          .as("p%s", p)
          .isBetween(exact, (long) (exact * 1.01) + 1);
    }
  }

  @Test
  void valuesBelowTwoHundredFiftySixMicrosecondsAreExact() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.recordMicros(3);
    histogram.recordMicros(7);
    histogram.recordMicros(255);

    assertThat(histogram.percentileMicros(1)).isEqualTo(3);
    assertThat(histogram.percentileMicros(50)).isEqualTo(7);
    assertThat(histogram.percentileMicros(100)).isEqualTo(255);
  }

  @Test
  void everyBucketCoversItsValuesWithinOnePercent() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      long value = random.nextLong(LatencyHistogram.HIGHEST_TRACKABLE_MICROS + 1);
      long highest = LatencyHistogram.highestOf(LatencyHistogram.indexOf(value));
      assertThat(highest).isGreaterThanOrEqualTo(value);
      assertThat(highest - value).isLessThanOrEqualTo(value / 100);
    }
  }

  @Test
  void maximumIsKeptExactlyBeyondTheTrackableRange() {
    LatencyHistogram histogram = new LatencyHistogram();
    long twoHours = 2 * LatencyHistogram.HIGHEST_TRACKABLE_MICROS;
    histogram.recordMicros(10);
    histogram.recordMicros(twoHours);

    assertThat(histogram.maxMicros()).isEqualTo(twoHours);
    assertThat(histogram.percentileMicros(100))
        .isLessThanOrEqualTo(twoHours)
        .isGreaterThanOrEqualTo(LatencyHistogram.HIGHEST_TRACKABLE_MICROS);
  }

  @Test
  void nanosecondsAreRecordedAsMicroseconds() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.recordNanos(150_000);

    assertThat(histogram.percentileMicros(50)).isEqualTo(150);
  }

  @Test
  void emptyHistogramReportsZero() {
    LatencyHistogram histogram = new LatencyHistogram();

    assertThat(histogram.percentileMicros(99)).isZero();
    assertThat(histogram.maxMicros()).isZero();
    assertThat(histogram.meanMicros()).isZero();
  }

  @Test
  void percentileOutsideZeroToHundredIsRefused() {
    assertThatThrownBy(() -> new LatencyHistogram().percentileMicros(101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
