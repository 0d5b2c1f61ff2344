package org.civitas.policy.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.civitas.policy.governance.GovernedPartitions;
import org.civitas.policy.governance.GovernedPartitions.Partition;
import org.civitas.policy.governance.GovernedStoreSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database side of a sweep: removes every expired reading no active legal hold covers.
 *
 * <ol>
 *   <li>Each day partition that is entirely expired and holds no covered row is detached, each in a
 *       short transaction of its own: the parent is locked exclusively only for the detach, with a
 *       lock timeout, so a long export delays the drop rather than stalling the service. A
 *       partition with covered rows stays attached until its holds are released.
 *   <li>One final transaction drops the detached tables (first moving back any row a hold placed
 *       meanwhile covers), taking their counts per category from the row counters kept at insert
 *       time rather than scanning them, deletes the expired uncovered rows everywhere else (the
 *       partition of the current day, partitions kept for holds, the default partition) and forgets
 *       readingIds past their window. Before it commits, the caller is handed the counts per
 *       category, to record them; if that fails, nothing is deleted and the detached tables are
 *       dropped by the next purge.
 * </ol>
 */
@Component
class StorePurge {

  private static final Logger log = LoggerFactory.getLogger(StorePurge.class);

  /**
   * What one purge removed.
   *
   * @param detaching how long the detach transactions took, before the final one; for benchmarks
   */
  record Result(
      Map<String, Long> purged, int partitionsDropped, int partitionsHeld, Duration detaching) {}

  private enum Detach {
    DETACHED,
    HELD,
    BUSY
  }

  private final GovernedPartitions partitions;
  private final ExpiredReadings expired;
  private final LegalHolds holds;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Duration lockTimeout;

  StorePurge(
      GovernedPartitions partitions,
      ExpiredReadings expired,
      LegalHolds holds,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager,
      GovernedStoreSettings settings) {
    this.partitions = partitions;
    this.expired = expired;
    this.holds = holds;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
    this.lockTimeout = settings.ddlLockTimeout();
  }

  /**
   * @param now readings expiring at or before it are purged
   * @param beforeCommit given the readings purged per category inside the final transaction; if it
   *     throws, nothing is deleted
   */
  Result purge(Instant now, Consumer<Map<String, Long>> beforeCommit) {
    long start = System.nanoTime();
    int held = 0;
    for (Partition partition : partitions.attached()) {
      if (!partition.entirelyExpiredAt(now)) {
        break;
      }
      if (detach(partition) == Detach.HELD) {
        held++;
      }
    }
    int heldPartitions = held;
    Duration detaching = Duration.ofNanos(System.nanoTime() - start);
    return transaction.execute(
        status -> {
          RetentionLock.acquire(jdbc);
          List<LegalHold> active = holds.findActive();
          Map<String, Long> purged = new TreeMap<>();
          int dropped = 0;
          for (Partition table : partitions.detached()) {
            if (!table.entirelyExpiredAt(now)) {
              // not detached by a purge: someone else's business, never dropped here
              log.warn("table {} looks like a detached partition but is not expired", table.name());
              continue;
            }
            expired.uncount(table.day(), expired.restoreHeld(table.name(), active));
            Map<String, Long> removed = rowsOf(table);
            expired.drop(table.name());
            expired.uncount(table.day(), removed);
            removed.forEach((c, n) -> purged.merge(c, n, Long::sum));
            dropped++;
          }
          expired.deleteExpired(now).forEach((c, n) -> purged.merge(c, n, Long::sum));
          expired.foldCounts(GovernedPartitions.dayOf(now));
          expired.forgetReadingIds(now);
          beforeCommit.accept(purged);
          return new Result(purged, dropped, heldPartitions, detaching);
        });
  }

  /**
   * Rows per category of a detached table about to be dropped, for the audit record: from the
   * counters kept at insert time, so that dropping a partition of millions of rows does not mean
   * reading them. Should the counters contradict the table (a negative count, rows where they say
   * none, none where they say some: rows written around the triggers), the table is counted
   * instead; the record must be exact.
   */
  private Map<String, Long> rowsOf(Partition table) {
    Map<String, Long> counted = expired.countedRows(table.day());
    boolean anyCounted = counted.values().stream().anyMatch(n -> n > 0);
    boolean plausible =
        counted.values().stream().allMatch(n -> n > 0)
            && anyCounted == expired.hasRows(table.name());
    if (plausible) {
      return counted;
    }
    log.warn("row counters of {} disagree with the table; counting its rows instead", table.name());
    Map<String, Long> scanned = expired.countByCategory(table.name());
    // the counters must agree with the store again once the table is gone
    Map<String, Long> correction = new TreeMap<>(counted);
    scanned.forEach((c, n) -> correction.merge(c, -n, Long::sum));
    expired.uncount(table.day(), correction);
    return scanned;
  }

  /**
   * Detaches an entirely expired partition unless a hold covers one of its rows, checked before and
   * again after the detach (a late reading may have arrived in between). A partition whose locks
   * are busy is left for the next purge.
   */
  private Detach detach(Partition partition) {
    try {
      Detach outcome =
          transaction.execute(
              status -> {
                RetentionLock.acquire(jdbc);
                List<LegalHold> active = holds.findActive();
                if (expired.holdsAnyRow(partition.name(), active)) {
                  return Detach.HELD;
                }
                jdbc.execute("set local lock_timeout = " + lockTimeout.toMillis());
                jdbc.execute(
                    "alter table "
                        + GovernedPartitions.TABLE
                        + " detach partition "
                        + partition.name());
                if (expired.holdsAnyRow(partition.name(), active)) {
                  status.setRollbackOnly();
                  return Detach.HELD;
                }
                return Detach.DETACHED;
              });
      if (outcome == Detach.DETACHED) {
        partitions.forget(partition);
      }
      return outcome;
    } catch (DataAccessException e) {
      log.warn(
          "could not detach partition {} now ({}); the next sweep tries again",
          partition.name(),
          e.getClass().getName());
      return Detach.BUSY;
    }
  }
}
