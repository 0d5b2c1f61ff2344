package org.civitas.contract.reading;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 timestamps with an offset, as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads them.
 * The formatter allocates a parse context and a field map per call, which made it the largest cost
 * of validating a reading; the shape sensors actually send ({@code 2026-11-26T10:15:30Z}, {@code
 * .123} fractions, {@code ±hh:mm} offsets) is read here directly, and anything else still goes to
 * the formatter, so what is accepted and the instant it denotes stay exactly the formatter's.
 * Shared by ingest (validation) and policy (minimization), so both read a reading's time the same
 * way.
 */
public final class Timestamps {

  private static final int MAX_CHARS = 64;
  private static final int SECONDS_PER_DAY = 86_400;
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;
  private static final long LAST_SECOND_OF_9999 = 253_402_300_799L;
  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  /** The instant, or null when the text is not an ISO-8601 date-time with offset. */
  public static Instant parse(String text) {
    if (text.length() > MAX_CHARS) {
      return null;
    }
    Instant fast = parseCommon(text);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)} with valid fields; null for anything else,
   * including texts the formatter may still accept (lower-case letters, no seconds, longer years).
   */
  static Instant parseCommon(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
      return null;
    }
    if (minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    if (day > 28 && day > lengthOfMonth(year, month)) {
      return null;
    }
    int at = 19;
    int nanos = 0;
    if (text.charAt(at) == '.') {
      int start = ++at;
      while (at < length && at - start < 9 && isDigit(text.charAt(at))) {
        nanos = nanos * 10 + (text.charAt(at) - '0');
        at++;
      }
      int fractionDigits = at - start;
      if (fractionDigits == 0 || (at < length && isDigit(text.charAt(at)))) {
        return null;
      }
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (at == length - 1 && text.charAt(at) == 'Z') {
      offsetSeconds = 0;
    } else if (at == length - 6 && text.charAt(at + 3) == ':') {
      char sign = text.charAt(at);
      int offsetHours = digits(text, at + 1, 2);
      int offsetMinutes = digits(text, at + 4, 2);
      if ((sign != '+' && sign != '-') || offsetHours < 0 || offsetMinutes < 0) {
        return null;
      }
      if (offsetHours > 18 || offsetMinutes > 59) {
        return null;
      }
      offsetSeconds = offsetHours * 3600 + offsetMinutes * 60;
      if (offsetSeconds > MAX_OFFSET_SECONDS) {
        return null;
      }
      if (sign == '-') {
        offsetSeconds = -offsetSeconds;
      }
    } else {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    long seconds =
        epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /**
   * The instant as {@link Instant#toString} (that is {@link DateTimeFormatter#ISO_INSTANT}) writes
   * it, without the formatter's per-call context: writing two instants per governed reading that
   * way was a tenth of policy-service's time. Instants outside 1970-9999 still go to the formatter.
   */
  public static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < 0 || seconds > LAST_SECOND_OF_9999) {
      return instant.toString();
    }
    LocalDate date = LocalDate.ofEpochDay(seconds / SECONDS_PER_DAY);
    int secondOfDay = (int) (seconds % SECONDS_PER_DAY);
    int nanos = instant.getNano();
    int fractionDigits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
    byte[] text = new byte[20 + (fractionDigits == 0 ? 0 : 1 + fractionDigits)];
    put(text, 0, date.getYear(), 4);
    text[4] = '-';
    put(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    put(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    put(text, 11, secondOfDay / 3600, 2);
    text[13] = ':';
    put(text, 14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    put(text, 17, secondOfDay % 60, 2);
    if (fractionDigits > 0) {
      text[19] = '.';
      put(text, 20, nanos / POWERS_OF_TEN[9 - fractionDigits], fractionDigits);
    }
    text[text.length - 1] = 'Z';
    return new String(text, StandardCharsets.US_ASCII);
  }

  private static void put(byte[] target, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      target[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> Year.isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private Timestamps() {}
}
