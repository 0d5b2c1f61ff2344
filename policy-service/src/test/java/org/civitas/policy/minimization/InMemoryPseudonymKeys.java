package org.civitas.policy.minimization;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Test fixture: keys per (category, rotation, period start) in memory, destroyable. */
final class InMemoryPseudonymKeys implements PseudonymKeys {

  private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
  private final Set<String> destroyed = ConcurrentHashMap.newKeySet();
  private final SecureRandom random = new SecureRandom();

  @Override
  public Optional<SecretKey> keyFor(String category, Duration rotation, Instant observedAt) {
    String id = id(category, rotation, observedAt);
    if (destroyed.contains(id)) {
      return Optional.empty();
    }
    return Optional.of(
        keys.computeIfAbsent(
            id,
            ignored -> {
              byte[] bytes = new byte[32];
              random.nextBytes(bytes);
              return new SecretKeySpec(bytes, "HmacSHA256");
            }));
  }

  void destroy(String category, Duration rotation, Instant observedAt) {
    String id = id(category, rotation, observedAt);
    destroyed.add(id);
    keys.remove(id);
  }

  private static String id(String category, Duration rotation, Instant at) {
    return category + "|" + rotation + "|" + PseudonymKeys.periodStart(rotation, at);
  }
}
