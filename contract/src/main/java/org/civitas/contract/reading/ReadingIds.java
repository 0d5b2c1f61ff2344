package org.civitas.contract.reading;

import java.util.UUID;

/**
 * readingIds (CONTRACT §4.1) read strictly: exactly 8-4-4-4-12 ASCII hex digits. {@link
 * UUID#fromString} accepts shortened groups such as {@code 1-1-1-1-1}, which would let one reading
 * pass under two ids. Ingest validates with it, and policy-service keys its idempotency ledger by
 * the UUID it denotes.
 */
public final class ReadingIds {

  /** The UUID, or null when the text is not one (null included). */
  public static UUID parse(String text) {
    if (text == null
        || text.length() != 36
        || text.charAt(8) != '-'
        || text.charAt(13) != '-'
        || text.charAt(18) != '-'
        || text.charAt(23) != '-') {
      return null;
    }
    long msb = 0;
    long lsb = 0;
    int digits = 0;
    for (int i = 0; i < 36; i++) {
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        continue;
      }
      int digit = hex(text.charAt(i));
      if (digit < 0) {
        return null;
      }
      if (digits < 16) {
        msb = (msb << 4) | digit;
      } else {
        lsb = (lsb << 4) | digit;
      }
      digits++;
    }
    return new UUID(msb, lsb);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private ReadingIds() {}
}
