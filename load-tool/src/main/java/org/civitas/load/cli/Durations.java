package org.civitas.load.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them on a command line: {@code 60s}, {@code 500ms}, {@code 2m}, {@code
 * 1m30s}, {@code 1h}, a bare number of seconds, or ISO-8601 ({@code PT1M}).
 */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  /**
   * @throws IllegalArgumentException when the text is not a duration or is negative
   */
  public static Duration parse(String text) {
    String value = text.trim().toLowerCase();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    if (value.startsWith("pt") || value.startsWith("p")) {
      try {
        Duration duration = Duration.parse(value.toUpperCase());
        if (duration.isNegative()) {
          throw new IllegalArgumentException("negative");
        }
        return duration;
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not ISO-8601", e);
      }
    }
    if (value.matches("\\d+(\\.\\d+)?")) {
      return nanos(Double.parseDouble(value) * 1e9);
    }
    Matcher matcher = PART.matcher(value);
    int position = 0;
    double totalNanos = 0;
    while (position < value.length() && matcher.find(position) && matcher.start() == position) {
      double amount = Double.parseDouble(matcher.group(1));
      totalNanos +=
          switch (matcher.group(2)) {
            case "ms" -> amount * 1e6;
            case "s" -> amount * 1e9;
            case "m" -> amount * 60e9;
            default -> amount * 3600e9;
          };
      position = matcher.end();
    }
    if (position != value.length()) {
      throw new IllegalArgumentException("unreadable");
    }
    return nanos(totalNanos);
  }

  /** Shortest readable form, for settings echoed back in reports: {@code 60s}, {@code 1.5s}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 == 0) {
      return (millis / 1000) + "s";
    }
    if (millis < 1000) {
      return millis + "ms";
    }
    return String.format(Locale.ROOT, "%.3fs", millis / 1000.0).replaceAll("0+s$", "s");
  }

  private static Duration nanos(double nanos) {
    if (!Double.isFinite(nanos) || nanos > Long.MAX_VALUE) {
      throw new IllegalArgumentException("too long");
    }
    return Duration.ofNanos(Math.round(nanos));
  }

  private Durations() {}
}
