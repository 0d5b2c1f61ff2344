package org.civitas.auth.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccessTokenSettingsUnitTest {

  @Test
  void lifetimesUpToFifteenMinutesAreAccepted() {
    assertThat(new AccessTokenSettings(Duration.ofMinutes(15)).timeToLive())
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(new AccessTokenSettings(Duration.ofMinutes(5)).timeToLive())
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void lifetimesOverFifteenMinutesAreRefused() {
    assertThatThrownBy(() -> new AccessTokenSettings(Duration.ofMinutes(15).plusSeconds(1)))
        .hasMessageContaining("at most PT15M");
  }

  @Test
  void emptyLifetimesAreRefused() {
    assertThatThrownBy(() -> new AccessTokenSettings(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
