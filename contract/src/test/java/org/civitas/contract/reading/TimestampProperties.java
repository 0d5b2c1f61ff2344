package org.civitas.contract.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast timestamp reading agrees with {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} on what is
 * a timestamp and which instant it is, for texts close to the accepted shape and for broken ones.
 */
class TimestampProperties {

  @Property(tries = 20000)
  void agreesWithTheIsoFormatterOnNearlyValidTexts(@ForAll("nearlyValid") String text) {
    assertThat(Timestamps.parse(text)).isEqualTo(formatter(text));
  }

  @Property(tries = 5000)
  void agreesWithTheIsoFormatterOnValidInstants(
      @ForAll("instants") Instant instant, @ForAll("offsets") String offset) {
    String text = instant.toString().replace("Z", offset);
    assertThat(Timestamps.parse(text)).isEqualTo(formatter(text));
    assertThat(Timestamps.parseCommon(text)).isNotNull();
  }

  @Property(tries = 20000)
  void writesInstantsAsInstantToStringDoes(@ForAll("anyInstants") Instant instant) {
    assertThat(Timestamps.format(instant)).isEqualTo(instant.toString());
  }

  @Example
  void writesTheEdgesOfItsOwnRangeAsInstantToStringDoes() {
    for (String text :
        new String[] {
          "1970-01-01T00:00:00Z",
          "1969-12-31T23:59:59.999999999Z",
          "9999-12-31T23:59:59.999Z",
          "+10000-01-01T00:00:00Z",
          "2024-02-29T12:00:00.000001Z",
          "2026-11-26T10:15:00.100Z"
        }) {
      Instant instant = Instant.parse(text);
      assertThat(Timestamps.format(instant)).isEqualTo(instant.toString()).isEqualTo(text);
    }
  }

  @Example
  void theCommonShapesAreReadWithoutTheFormatter() {
    assertThat(Timestamps.parseCommon("2026-11-26T10:15:30Z"))
        .isEqualTo(Instant.parse("2026-11-26T10:15:30Z"));
    assertThat(Timestamps.parseCommon("2026-11-26T10:15:30.123+01:00"))
        .isEqualTo(Instant.parse("2026-11-26T09:15:30.123Z"));
    assertThat(Timestamps.parseCommon("2024-02-29T23:59:59.999999999-18:00"))
        .isEqualTo(Instant.parse("2024-03-01T17:59:59.999999999Z"));
    assertThat(Timestamps.parseCommon("2026-02-29T10:15:30Z")).isNull();
    assertThat(Timestamps.parse("2026-02-29T10:15:30Z")).isNull();
  }

  @Example
  void shapesOnlyTheFormatterKnowsAreStillAccepted() {
    assertThat(Timestamps.parse("2026-11-26t10:15z")).isEqualTo(formatter("2026-11-26t10:15z"));
    assertThat(Timestamps.parse("2026-11-26T10:15+01:00:30"))
        .isEqualTo(Instant.parse("2026-11-26T09:14:30Z"));
  }

  @Provide
  Arbitrary<String> nearlyValid() {
    Arbitrary<String> year = Arbitraries.of("2026", "2024", "1900", "2000", "0000", "9999", "20x6");
    Arbitrary<String> month = Arbitraries.of("01", "02", "04", "12", "13", "00", "1a");
    Arbitrary<String> day = Arbitraries.of("01", "28", "29", "30", "31", "32", "00");
    Arbitrary<String> time =
        Arbitraries.of(
            "00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:60", "10:15", "1:2:3");
    Arbitrary<String> fraction =
        Arbitraries.of("", ".", ".1", ".123", ".123456789", ".1234567890", ".12a", ",5");
    Arbitrary<String> offset =
        Arbitraries.of(
            "Z",
            "z",
            "+00:00",
            "-00:00",
            "+18:00",
            "-18:00",
            "+18:01",
            "+19:00",
            "+05:30",
            "-09:59",
            "+0530",
            "+05",
            "+05:60",
            "",
            "ZZ",
            "+05:30:15",
            " Z");
    Arbitrary<String> separator = Arbitraries.of("T", "t", " ", "-");
    return Combinators.combine(year, month, day, separator, time, fraction, offset)
        .as((y, m, d, s, t, f, o) -> y + "-" + m + "-" + d + s + t + f + o);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(
            Instant.parse("0000-01-01T00:00:00Z").getEpochSecond() + 86_400,
            Instant.parse("9999-12-31T00:00:00Z").getEpochSecond())
        .flatMap(
            seconds ->
                Arbitraries.integers()
                    .between(0, 999_999_999)
                    .map(nanos -> Instant.ofEpochSecond(seconds, nanos)));
  }

  /** Before 1970 and after 9999 too, with nanoseconds that print as 0, 3, 6 and 9 digits. */
  @Provide
  Arbitrary<Instant> anyInstants() {
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(
            Arbitraries.just(0),
            Arbitraries.integers().between(0, 999).map(millis -> millis * 1_000_000),
            Arbitraries.integers().between(0, 999_999).map(micros -> micros * 1_000),
            Arbitraries.integers().between(0, 999_999_999));
    Arbitrary<Long> seconds =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()),
            Arbitraries.longs().between(-400_000_000_000L, 400_000_000_000L));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<String> offsets() {
    return Arbitraries.of("Z", "+00:00", "-00:00", "+01:00", "-05:00", "+05:45", "+14:00");
  }

  private static Instant formatter(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }
}
