package org.civitas.policy.pseudonym;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.civitas.policy.minimization.PseudonymKeys;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * HMAC keys per (category, rotation, period start), created on first use from {@link SecureRandom}
 * and cached. A key is usable only until its period ends plus the grace time; after that it is
 * destroyed and never re-created, so pseudonyms of different periods cannot be linked.
 */
public class PseudonymKeyStore implements PseudonymKeys {

  static final int KEY_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";

  private record KeyId(String category, long rotationMillis, Instant periodStart) {}

  private final JdbcTemplate keys;
  private final Duration grace;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<KeyId, SecretKey> cache = new ConcurrentHashMap<>();

  PseudonymKeyStore(JdbcTemplate keys, Duration grace, Clock clock) {
    this.keys = keys;
    this.grace = grace;
    this.clock = clock;
  }

  @Override
  public Optional<SecretKey> keyFor(String category, Duration rotation, Instant observedAt) {
    Instant periodStart = PseudonymKeys.periodStart(rotation, observedAt);
    Instant periodEnd = periodStart.plus(rotation);
    // Checked before the cache, so that an instance whose cache still holds a key stops using it
    // at the same moment the destruction job would remove it.
    if (!clock.instant().isBefore(periodEnd.plus(grace))) {
      return Optional.empty();
    }
    KeyId id = new KeyId(category, rotation.toMillis(), periodStart);
    SecretKey cached = cache.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<SecretKey> key = loadOrCreate(id, periodEnd);
    key.ifPresent(k -> cache.put(id, k));
    return key;
  }

  private Optional<SecretKey> loadOrCreate(KeyId id, Instant periodEnd) {
    byte[] material = new byte[KEY_BYTES];
    random.nextBytes(material);
    // Concurrent instances may race here; the first insert wins and everyone reads the winner.
    keys.update(
        """
        insert into pseudonym_keys (category, rotation_millis, period_start, period_end, key_material)
        values (?, ?, ?, ?, ?)
        on conflict do nothing
        """,
        id.category(),
        id.rotationMillis(),
        Timestamp.from(id.periodStart()),
        Timestamp.from(periodEnd),
        material);
    List<byte[]> stored =
        keys.query(
            """
            select key_material from pseudonym_keys
            where category = ? and rotation_millis = ? and period_start = ?
            """,
            (rs, row) -> rs.getBytes(1),
            id.category(),
            id.rotationMillis(),
            Timestamp.from(id.periodStart()));
    if (stored.isEmpty() || stored.get(0) == null) {
      return Optional.empty();
    }
    return Optional.of(new SecretKeySpec(stored.get(0), ALGORITHM));
  }

  /**
   * Destroys every key whose period ended more than the grace time ago: the key material is
   * overwritten by null in the database and forgotten by the cache.
   *
   * @return how many keys were destroyed
   */
  public int destroyExpired() {
    Instant now = clock.instant();
    Instant cutoff = now.minus(grace);
    cache
        .keySet()
        .removeIf(
            id -> !now.isBefore(id.periodStart().plusMillis(id.rotationMillis()).plus(grace)));
    return keys.update(
        """
        update pseudonym_keys set key_material = null, destroyed_at = ?
        where destroyed_at is null and period_end <= ?
        """,
        Timestamp.from(now),
        Timestamp.from(cutoff));
  }
}
