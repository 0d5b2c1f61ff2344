package org.civitas.policy.benchmarks;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.civitas.policy.minimization.PseudonymKeys;

/**
 * In-memory key source that does per call what the key store's warm path does (period start, key id
 * record, expiry check, concurrent map hit), so the benchmark measures minimization and not a
 * database.
 */
final class BenchmarkKeys implements PseudonymKeys {

  private record KeyId(String category, long rotationMillis, Instant periodStart) {}

  private final Map<KeyId, SecretKey> keys = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Instant now;
  private final Duration grace;

  BenchmarkKeys(Instant now, Duration grace) {
    this.now = now;
    this.grace = grace;
  }

  @Override
  public Optional<SecretKey> keyFor(String category, Duration rotation, Instant observedAt) {
    Instant periodStart = PseudonymKeys.periodStart(rotation, observedAt);
    if (!now.isBefore(periodStart.plus(rotation).plus(grace))) {
      return Optional.empty();
    }
    return Optional.of(
        keys.computeIfAbsent(
            new KeyId(category, rotation.toMillis(), periodStart),
            ignored -> {
              byte[] material = new byte[32];
              random.nextBytes(material);
              return new SecretKeySpec(material, "HmacSHA256");
            }));
  }
}
