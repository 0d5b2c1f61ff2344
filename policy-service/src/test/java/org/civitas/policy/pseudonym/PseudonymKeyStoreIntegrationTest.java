package org.civitas.policy.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.SecretKey;
import org.civitas.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The key store against a real PostgreSQL database of its own. */
class PseudonymKeyStoreIntegrationTest {

  static final Duration DAY = Duration.ofDays(1);
  static final Duration GRACE = Duration.ofHours(1);
  static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");

  static HikariDataSource dataSource;
  static JdbcTemplate jdbc;

  final AtomicReference<Instant> now = new AtomicReference<>(NOON);
  final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  String category;
  PseudonymKeyStore store;

  @BeforeAll
  static void database() {
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(TestInfrastructure.shared().jdbcUrl("policy_keys_store_test"));
    dataSource.setUsername(TestInfrastructure.shared().username());
    dataSource.setPassword(TestInfrastructure.shared().password());
    Flyway.configure().dataSource(dataSource).locations("classpath:db/keys").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
  }

  @AfterAll
  static void close() {
    dataSource.close();
  }

  @BeforeEach
  void freshCategory() {
    // a category of its own per test keeps tests independent in the shared database
    category = "cat_" + UUID.randomUUID().toString().replace("-", "");
    store = new PseudonymKeyStore(jdbc, GRACE, clock);
  }

  SecretKey key(Instant observedAt) {
    return store.keyFor(category, DAY, observedAt).orElseThrow();
  }

  @Test
  void samePeriodGivesTheSameKeyEvenAcrossInstances() {
    SecretKey first = key(Instant.parse("2026-11-26T01:00:00Z"));
    SecretKey second = key(Instant.parse("2026-11-26T23:00:00Z"));
    SecretKey otherInstance =
        new PseudonymKeyStore(jdbc, GRACE, clock)
            .keyFor(category, DAY, Instant.parse("2026-11-26T05:00:00Z"))
            .orElseThrow();

    assertThat(first.getEncoded())
        .isEqualTo(second.getEncoded())
        .isEqualTo(otherInstance.getEncoded())
        .hasSize(32);
  }

  @Test
  void differentPeriodsGiveDifferentKeys() {
    now.set(Instant.parse("2026-11-27T00:30:00Z"));

    assertThat(key(Instant.parse("2026-11-26T23:59:59Z")).getEncoded())
        .isNotEqualTo(key(Instant.parse("2026-11-27T00:00:00Z")).getEncoded());
  }

  @Test
  void keysAreStoredInTheKeysDatabaseWithTheirPeriod() {
    key(Instant.parse("2026-11-26T08:00:00Z"));

    assertThat(
            jdbc.queryForObject(
                "select count(*) from pseudonym_keys where category = ? and period_start = ?"
                    + " and period_end = ? and length(key_material) = 32",
                Long.class,
                category,
                java.sql.Timestamp.from(Instant.parse("2026-11-26T00:00:00Z")),
                java.sql.Timestamp.from(Instant.parse("2026-11-27T00:00:00Z"))))
        .isEqualTo(1);
  }

  @Test
  void keyIsDestroyedAfterItsPeriodAndGraceAndNeverRecreated() {
    Instant observed = Instant.parse("2026-11-26T08:00:00Z");
    key(observed);

    now.set(Instant.parse("2026-11-27T00:59:59Z"));
    store.destroyExpired();
    assertThat(store.keyFor(category, DAY, observed)).as("still in grace").isPresent();

    now.set(Instant.parse("2026-11-27T01:00:00Z"));
    assertThat(store.destroyExpired()).isGreaterThanOrEqualTo(1);

    assertThat(store.keyFor(category, DAY, observed)).isEmpty();
    assertThat(new PseudonymKeyStore(jdbc, GRACE, clock).keyFor(category, DAY, observed)).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from pseudonym_keys where category = ? and key_material is not"
                    + " null",
                Long.class,
                category))
        .isZero();
  }

  @Test
  void destroyedKeyIsNotRecreatedEvenIfTheClockIsTurnedBack() {
    Instant observed = Instant.parse("2026-11-26T08:00:00Z");
    key(observed);
    now.set(Instant.parse("2026-11-28T00:00:00Z"));
    store.destroyExpired();

    now.set(NOON);
    assertThat(new PseudonymKeyStore(jdbc, GRACE, clock).keyFor(category, DAY, observed)).isEmpty();
  }

  @Test
  void keyForAPeriodLongOverIsNeverCreated() {
    now.set(Instant.parse("2026-11-30T00:00:00Z"));

    assertThat(store.keyFor(category, DAY, Instant.parse("2026-11-26T08:00:00Z"))).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from pseudonym_keys where category = ?", Long.class, category))
        .isZero();
  }
}
