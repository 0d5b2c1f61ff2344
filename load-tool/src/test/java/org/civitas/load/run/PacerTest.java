package org.civitas.load.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {

  @Test
  void startTimesAreSpacedForTheTargetRate() {
    // 1,000 readings/s in batches of 100: one request every 100 ms
    Pacer pacer = new Pacer(1_000, 100, 0);

    assertThat(pacer.claim(0)).isZero();
    assertThat(pacer.claim(0)).isEqualTo(100_000_000L);
    assertThat(pacer.claim(0)).isEqualTo(200_000_000L);
  }

  @Test
  void aTargetThatFellBehindCatchesUpAtMostOneSecond() {
    Pacer pacer = new Pacer(1_000, 100, 0);
    long tenSecondsLater = 10_000_000_000L;

    assertThat(pacer.claim(tenSecondsLater)).isEqualTo(tenSecondsLater - 1_000_000_000L);
  }
}
