package org.civitas.policy.minimization;

import java.time.Duration;
import java.time.Instant;

/** Flooring of instants to multiples of a duration since the epoch. */
final class TimeTruncation {

  static Instant floor(Instant at, Duration unit) {
    if (unit.getNano() == 0) {
      long seconds = unit.getSeconds();
      return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }
    long millis = Math.max(1, unit.toMillis());
    return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), millis) * millis);
  }

  private TimeTruncation() {}
}
