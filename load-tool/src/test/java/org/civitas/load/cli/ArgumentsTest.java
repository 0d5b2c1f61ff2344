package org.civitas.load.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

  @Test
  void optionsAreReadAsNameEqualsValue() {
    Arguments args =
        Arguments.parse("ingest", "--batch=500", "--duration=60s", "--json", "--sensors=a, b,,c");

    assertThat(args.command()).contains("ingest");
    assertThat(args.integer("batch", 1, 1, 5000)).isEqualTo(500);
    assertThat(args.duration("duration", Duration.ZERO)).isEqualTo(Duration.ofSeconds(60));
    assertThat(args.flag("json")).isTrue();
    assertThat(args.list("sensors", "auto")).containsExactly("a", "b", "c");
    assertThat(args.integer("concurrency", 8, 1, 1024)).isEqualTo(8);
  }

  @Test
  void unknownOptionIsNamedWithTheNearestKnownOne() {
    Arguments args = Arguments.parse("ingest", "--concurency=8");

    assertThatThrownBy(() -> args.allowOnly(List.of("concurrency", "batch")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("unknown option --concurency for 'ingest'")
        .hasMessageContaining("did you mean --concurrency?");
  }

  @Test
  void unreadableDurationNamesTheOptionAndShowsExamples() {
    Arguments args = Arguments.parse("ingest", "--duration=6o s");

    assertThatThrownBy(() -> args.duration("duration", Duration.ofSeconds(60)))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "--duration: cannot read '6o s' as a duration; write for example 60s, 500ms, 2m or"
                + " PT1M");
  }

  @Test
  void nonNumericBatchIsRefusedWithItsName() {
    Arguments args = Arguments.parse("ingest", "--batch=lots");

    assertThatThrownBy(() -> args.integer("batch", 500, 1, 5000))
        .hasMessage("--batch must be a whole number, was 'lots'");
  }

  @Test
  void batchAboveTheContractLimitIsRefusedWithTheRange() {
    Arguments args = Arguments.parse("ingest", "--batch=6000");

    assertThatThrownBy(() -> args.integer("batch", 500, 1, 5000))
        .hasMessage("--batch must be between 1 and 5000, was 6000");
  }

  @Test
  void valueWithoutEqualsSignIsExplained() {
    assertThatThrownBy(() -> Arguments.parse("ingest", "--batch", "500"))
        .isInstanceOf(UsageException.class)
        .hasMessage("unexpected argument '500': write options as --name=value");
  }

  @Test
  void optionGivenTwiceIsRefused() {
    assertThatThrownBy(() -> Arguments.parse("ingest", "--batch=1", "--batch=2"))
        .hasMessage("--batch is given more than once");
  }

  @Test
  void optionWithoutValueAsksForOne() {
    Arguments args = Arguments.parse("ingest", "--gateway");

    assertThatThrownBy(() -> args.httpUrl("gateway", "http://localhost:8080"))
        .hasMessage("--gateway needs a value: --gateway=<value>");
  }

  @Test
  void urlMustBeAbsoluteHttp() {
    assertThat(Arguments.parse("x", "--gateway=http://localhost:8080/").httpUrl("gateway", null))
        .hasToString("http://localhost:8080");
    assertThatThrownBy(
            () -> Arguments.parse("x", "--gateway=localhost:8080").httpUrl("gateway", null))
        .hasMessageContaining("--gateway must be an http(s) URL such as http://localhost:8080");
  }

  @Test
  void secretsAreNeverEchoedInErrors() {
    Arguments args = Arguments.parse("x", "--client-secret=hunter2");

    assertThatThrownBy(() -> args.integer("client-secret", 0, 0, 1))
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining("***");
  }

  @Test
  void switchTakesOnlyTrueOrFalse() {
    assertThat(Arguments.parse("x", "--json=false").flag("json")).isFalse();
    assertThatThrownBy(() -> Arguments.parse("x", "--json=yes").flag("json"))
        .hasMessage("--json is a switch: write --json or --json=false");
  }

  @Test
  void durationBelowTheMinimumIsRefused() {
    Arguments args = Arguments.parse("x", "--duration=10ms");

    assertThatThrownBy(() -> args.duration("duration", Duration.ZERO, Duration.ofMillis(100)))
        .hasMessageStartingWith("--duration must be at least 100ms");
  }
}
