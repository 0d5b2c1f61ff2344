package org.civitas.policy.minimization;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Source of HMAC keys for pseudonyms, one per category and rotation period. Implemented outside
 * this package so that keys live apart from the governed data.
 */
public interface PseudonymKeys {

  /**
   * The key of the rotation period containing {@code observedAt}, created on first use; empty when
   * that period's key has been destroyed (it is never re-created).
   */
  Optional<SecretKey> keyFor(String category, Duration rotation, Instant observedAt);

  /** Start of the rotation period that contains the instant: a multiple of rotation since epoch. */
  static Instant periodStart(Duration rotation, Instant at) {
    return TimeTruncation.floor(at, rotation);
  }
}
