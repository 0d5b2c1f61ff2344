package org.civitas.policy.access;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import org.civitas.policy.governance.GovernedReadings.Position;

/** Opaque keyset cursor: the (observedAt, readingId) of the last reading of a page. */
final class ReadingCursor {

  static String encode(Position position) {
    String raw = position.observedAt().toString() + "\n" + position.readingId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static Optional<Position> decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int separator = raw.indexOf('\n');
      if (separator < 1 || separator == raw.length() - 1) {
        return Optional.empty();
      }
      return Optional.of(
          new Position(Instant.parse(raw.substring(0, separator)), raw.substring(separator + 1)));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private ReadingCursor() {}
}
