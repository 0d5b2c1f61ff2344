package org.civitas.policy.access;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import org.civitas.policy.governance.GovernedReadings.Position;

/**
 * Opaque keyset cursor: the (observedAt, storedAt, readingId) of the last reading of a page.
 * Cursors of the earlier two-part form (observedAt, readingId) name a position in an order the
 * store no longer keeps, so they are refused rather than resumed at a guess.
 */
final class ReadingCursor {

  private static final String SEPARATOR = "\n";

  static String encode(Position position) {
    String raw =
        position.observedAt() + SEPARATOR + position.storedAt() + SEPARATOR + position.readingId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static Optional<Position> decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split(SEPARATOR, -1);
      if (parts.length != 3 || parts[2].isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Position(Instant.parse(parts[0]), Instant.parse(parts[1]), parts[2]));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private ReadingCursor() {}
}
