package org.civitas.policy.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.civitas.contract.reading.GovernedReading;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The governed store's parts outside a Spring context, for benchmarks that drive the real code
 * paths against a bare database.
 */
public final class GovernedStoreFixtures {

  public static GovernedPartitions partitions(
      JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    return new GovernedPartitions(
        jdbc, transactions, clock, new GovernedStoreSettings(Duration.ofSeconds(30)));
  }

  /** Stores batches the way ingestion does: partitions first, then ids and rows in one commit. */
  public static final class Store {
    private final GovernedReadings readings;
    private final GovernedPartitions partitions;
    private final TransactionTemplate transaction;
    private final IngestionSettings settings =
        new IngestionSettings(null, null, null, null, null, null, null, null, null, null, null);

    public Store(
        JdbcTemplate jdbc, PlatformTransactionManager transactions, GovernedPartitions partitions) {
      this.readings = new GovernedReadings(jdbc);
      this.partitions = partitions;
      this.transaction = new TransactionTemplate(transactions);
    }

    /** Returns how many of the batch were new. */
    public int insert(List<GovernedReading> batch, Instant now) {
      partitions.ensureFor(batch.stream().map(GovernedReading::expiresAt).toList());
      Instant rememberUntil = now.plus(settings.idempotencyWindow());
      return transaction.execute(status -> readings.insertNew(batch, now, rememberUntil).size());
    }
  }

  private GovernedStoreFixtures() {}
}
