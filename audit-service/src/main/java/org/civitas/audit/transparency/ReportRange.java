package org.civitas.audit.transparency;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, UTC, both included. Parameters are ISO dates or ISO instants (an
 * instant stands for its UTC day); the default is the last 30 days up to today.
 */
public record ReportRange(LocalDate from, LocalDate to) {

  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 3660;

  /** A parameter that does not make a range; names the parameter, never its value. */
  public static final class InvalidRange extends RuntimeException {
    private final String parameter;
    private final String code;

    InvalidRange(String parameter, String code, String message) {
      super(message);
      this.parameter = parameter;
      this.code = code;
    }

    public String parameter() {
      return parameter;
    }

    public String code() {
      return code;
    }
  }

  public static ReportRange parse(String from, String to, Clock clock) {
    LocalDate end = day("to", to);
    if (end == null) {
      end = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
    LocalDate start = day("from", from);
    if (start == null) {
      start = end.minusDays(DEFAULT_DAYS - 1);
    }
    if (start.isAfter(end)) {
      throw new InvalidRange("from", "after_to", "must not be after 'to'");
    }
    if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
      throw new InvalidRange(
          "from", "range_too_long", "the range may span at most " + MAX_DAYS + " days");
    }
    return new ReportRange(start, end);
  }

  private static LocalDate day(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return value.length() <= 10
          ? LocalDate.parse(value)
          : OffsetDateTime.parse(value).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new InvalidRange(
          name, "invalid_format", "must be an ISO-8601 date or instant with offset");
    }
  }
}
