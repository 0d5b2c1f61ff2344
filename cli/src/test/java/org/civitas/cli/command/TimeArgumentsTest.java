package org.civitas.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.civitas.cli.failure.UsageError;
import org.junit.jupiter.api.Test;

class TimeArgumentsTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void timesMayBeInstantsOffsetsDatesNowOrDurationsAgo() {
    assertThat(TimeArguments.instant("--from", "2026-11-26T10:00:00Z", CLOCK))
        .isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
    assertThat(TimeArguments.instant("--from", "2026-11-26T10:00:00-05:00", CLOCK))
        .isEqualTo(Instant.parse("2026-11-26T15:00:00Z"));
    assertThat(TimeArguments.instant("--from", "2026-11-26", CLOCK))
        .isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    assertThat(TimeArguments.instant("--to", "now", CLOCK)).isEqualTo(NOW);
    assertThat(TimeArguments.instant("--from", "-PT24H", CLOCK))
        .isEqualTo(NOW.minus(Duration.ofHours(24)));
    assertThat(TimeArguments.instant("--from", "-P7D", CLOCK))
        .isEqualTo(NOW.minus(Duration.ofDays(7)));
  }

  @Test
  void somethingElseIsAUsageErrorNamingTheOption() {
    assertThatThrownBy(() -> TimeArguments.instant("--from", "yesterday", CLOCK))
        .isInstanceOf(UsageError.class)
        .hasMessageStartingWith("--from: 'yesterday' is not a time");
    assertThatThrownBy(() -> TimeArguments.instant("--to", "2026-13-01", CLOCK))
        .isInstanceOf(UsageError.class);
  }

  @Test
  void rangesMustNotBeEmptyOrInverted() {
    assertThatThrownBy(() -> TimeArguments.requireOrdered("--from", NOW, "--to", NOW))
        .hasMessage("--from must be before --to");
  }

  @Test
  void bucketsArePositiveDurations() {
    assertThat(TimeArguments.duration("--bucket", "pt15m")).isEqualTo(Duration.ofMinutes(15));
    assertThatThrownBy(() -> TimeArguments.duration("--bucket", "1h"))
        .isInstanceOf(UsageError.class);
    assertThatThrownBy(() -> TimeArguments.duration("--bucket", "PT0S"))
        .isInstanceOf(UsageError.class);
  }

  @Test
  void countriesAreTwoLetterCodes() {
    assertThat(TimeArguments.country("--destination-country", "ca")).isEqualTo("CA");
    assertThatThrownBy(() -> TimeArguments.country("--destination-country", "Canada"))
        .isInstanceOf(UsageError.class);
  }
}
