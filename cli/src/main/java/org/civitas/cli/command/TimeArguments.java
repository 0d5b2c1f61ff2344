package org.civitas.cli.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.civitas.cli.failure.UsageError;

/** Parsing of the times, durations and codes people type, with messages that say what is wanted. */
public final class TimeArguments {

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  /**
   * An instant, written as an ISO-8601 instant ({@code 2026-11-26T10:00:00Z}), a date-time with
   * offset, a date (midnight UTC), {@code now}, or a duration back from now ({@code -PT24H}).
   */
  public static Instant instant(String option, String value, Clock clock) {
    String text = value.trim();
    try {
      if (text.equalsIgnoreCase("now")) {
        return clock.instant();
      }
      if (text.startsWith("-P") || text.startsWith("-p")) {
        return clock.instant().minus(Duration.parse(text.substring(1)));
      }
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new UsageError(
          option
              + ": '"
              + value
              + "' is not a time; use an ISO-8601 instant (2026-11-26T10:00:00Z), a date"
              + " (2026-11-26, midnight UTC), 'now', or a duration back from now (-PT24H)");
    }
  }

  /** Checks that a time range is not empty or inverted. */
  public static void requireOrdered(String fromOption, Instant from, String toOption, Instant to) {
    if (!from.isBefore(to)) {
      throw new UsageError(fromOption + " must be before " + toOption);
    }
  }

  /** A positive ISO-8601 duration such as {@code PT1H}. */
  public static Duration duration(String option, String value) {
    try {
      Duration duration = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
      if (duration.isNegative() || duration.isZero()) {
        throw new UsageError(option + ": must be a positive duration");
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new UsageError(
          option + ": '" + value + "' is not an ISO-8601 duration (e.g. PT15M, PT1H, P1D)");
    }
  }

  /** An ISO 3166-1 alpha-2 country code, upper-cased. */
  public static String country(String option, String value) {
    String code = value.trim().toUpperCase(Locale.ROOT);
    if (!COUNTRY.matcher(code).matches()) {
      throw new UsageError(
          option + ": '" + value + "' is not a two-letter country code (ISO 3166-1, e.g. CA)");
    }
    return code;
  }

  private TimeArguments() {}
}
