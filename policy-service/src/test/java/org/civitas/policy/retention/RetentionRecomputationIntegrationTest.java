package org.civitas.policy.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.civitas.policy.support.PolicyServiceIntegrationTestSupport;
import org.junit.jupiter.api.Test;

class RetentionRecomputationIntegrationTest extends PolicyServiceIntegrationTestSupport {

  static String withRetention(String retention) {
    return """
        {
          "retention": "%s",
          "residency": { "storeIn": ["CA"] },
          "access": [ { "purpose": "open-data", "roles": ["STAFF"], "granularity": "record" } ]
        }
        """
        .formatted(retention);
  }

  Instant expiresAt(String readingId) {
    return sql.queryForObject(
            "select expires_at from governed_readings where reading_id = ?",
            Timestamp.class,
            readingId)
        .toInstant();
  }

  @Test
  void anewRetentionMovesTheExpiryOfStoredReadingsThatHaveNotExpiredYet() {
    String category = unique("it_recompute");
    publishWithCategory(category, withRetention("P10D"));
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Instant recent = now.minus(Duration.ofHours(1));
    Instant older = now.minus(Duration.ofDays(2));
    Instant ancient = now.minus(Duration.ofDays(20));
    String recentRow =
        storeRow(category, "r-1", recent, recent.plus(Duration.ofDays(10)), null, "{}");
    String olderRow = storeRow(category, "r-1", older, older.plus(Duration.ofDays(10)), null, "{}");
    String expiredRow =
        storeRow(category, "r-1", ancient, ancient.plus(Duration.ofDays(10)), null, "{}");

    publishWithCategory(category, withRetention("P1D"));

    assertThat(expiresAt(recentRow)).isEqualTo(recent.plus(Duration.ofDays(1)));
    assertThat(expiresAt(olderRow)).isEqualTo(older.plus(Duration.ofDays(1)));
    assertThat(expiresAt(olderRow)).isBefore(clock.instant());
    assertThat(expiresAt(expiredRow)).isEqualTo(ancient.plus(Duration.ofDays(10)));

    publishWithCategory(category, withRetention("P30D"));

    assertThat(expiresAt(recentRow)).isEqualTo(recent.plus(Duration.ofDays(30)));
    // expired under the previous version: stays expired, sweep or not
    assertThat(expiresAt(olderRow)).isEqualTo(older.plus(Duration.ofDays(1)));
    assertThat(expiresAt(expiredRow)).isEqualTo(ancient.plus(Duration.ofDays(10)));
  }
}
