package org.civitas.policy.minimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeohashUnitTest {

  @Test
  void encodesTheWellKnownReferencePoints() {
    assertThat(Geohash.encode(57.64911, 10.40744, 11)).isEqualTo("u4pruydqqvj");
    assertThat(Geohash.encode(42.6, -5.6, 5)).isEqualTo("ezs42");
    assertThat(Geohash.encode(-25.382708, -49.265506, 12)).isEqualTo("6gkzwgjzn820");
  }

  @Test
  void contractExampleLocationFallsInTheExampleCell() {
    assertThat(Geohash.encode(43.64871, -79.38172, 6)).isEqualTo("dpz83d");
  }

  @Test
  void shorterPrecisionIsAPrefixOfLongerPrecision() {
    String full = Geohash.encode(43.64871, -79.38172, 12);
    for (int precision = 1; precision <= 12; precision++) {
      assertThat(Geohash.encode(43.64871, -79.38172, precision))
          .isEqualTo(full.substring(0, precision));
    }
  }

  @Test
  void precisionOutsideOneToTwelveIsRefused() {
    assertThatThrownBy(() -> Geohash.encode(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Geohash.encode(0, 0, 13)).isInstanceOf(IllegalArgumentException.class);
  }
}
