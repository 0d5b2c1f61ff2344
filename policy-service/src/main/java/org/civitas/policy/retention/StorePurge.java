package org.civitas.policy.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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
 * The database side of a sweep: removes every expired reading no active legal hold covers, in two
 * transactions whatever the number of days it drops.
 *
 * <ol>
 *   <li>The detach transaction: every day partition that is entirely expired and holds no covered
 *       row is detached, all at once. Locks are taken in one order everywhere (the parent, then the
 *       default partition, then the day partitions oldest first; see {@link GovernedPartitions}):
 *       the parent is locked exclusively, with the DDL lock timeout, only for the hold check of the
 *       candidates and their detaches (catalog changes, no data touched) and the commit. Under that
 *       lock no reading can arrive, so a partition found free of covered rows then is free of them
 *       when it goes. Partitions already found held before the lock are not even candidates; a
 *       partition with covered rows stays attached until its holds are released. If the lock cannot
 *       be had in time, every candidate is left whole for the next sweep.
 *   <li>The final transaction purges the detached tables (first moving back any row a hold placed
 *       meanwhile covers), taking their counts per category from the row counters kept at insert
 *       time rather than scanning them, deletes the expired uncovered rows everywhere else (the
 *       partition of the current day, partitions kept for holds, the default partition) and forgets
 *       readingIds past their window. Before it commits, the caller is handed the counts per
 *       category, to record them; if that fails, nothing is deleted and the detached tables,
 *       invisible to queries already, are purged by the next purge. A purged table is renamed
 *       ({@code governed_readings_purged_YYYYMMDD}), not dropped, in this transaction: dropping
 *       gives the table's files back to the file system at commit, about a second per gigabyte on
 *       the build machine, which would keep the audited transaction, its retention lock and the
 *       audit record's commit waiting.
 *   <li>A last transaction drops the purged tables: their rows are gone from the store and on the
 *       record already; this gives the disk space back, as {@code VACUUM} does after a {@code
 *       DELETE}. A purge interrupted before it leaves them for the next one to drop, uncounted.
 * </ol>
 *
 * Dropping the partitions straight away, without detaching them first, would need the parent's
 * exclusive lock until the audit record is acknowledged, stalling every reader and writer for as
 * long as the audit log takes, and {@code DETACH PARTITION CONCURRENTLY} cannot run in a
 * transaction block nor while a default partition exists.
 */
@Component
class StorePurge {

  private static final Logger log = LoggerFactory.getLogger(StorePurge.class);

  /**
   * What one purge removed.
   *
   * @param detaching how long the detach transaction took, commit included; for benchmarks
   * @param parentLocked how long it held the parent exclusively, from the lock granted to the end
   *     of its commit; for benchmarks
   * @param releasing how long dropping the purged tables took after the final commit; for
   *     benchmarks
   */
  record Result(
      Map<String, Long> purged,
      int partitionsDropped,
      int partitionsHeld,
      Duration detaching,
      Duration parentLocked,
      Duration releasing) {}

  /**
   * What the detach transaction did.
   *
   * @param spared entirely expired partitions left attached for want of the lock
   */
  private record Detached(int held, List<Partition> spared, long lockedAt) {}

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
    // what an interrupted purge recorded but left on disk, so that no name is taken below
    release();
    long start = System.nanoTime();
    List<Partition> expiredPartitions =
        partitions.attached().stream().takeWhile(p -> p.entirelyExpiredAt(now)).toList();
    Detached detached =
        expiredPartitions.isEmpty() ? new Detached(0, List.of(), -1) : detach(expiredPartitions);
    long detachEnd = System.nanoTime();
    Duration detaching = Duration.ofNanos(detachEnd - start);
    Duration parentLocked =
        Duration.ofNanos(detached.lockedAt() < 0 ? 0 : detachEnd - detached.lockedAt());
    Result result =
        transaction.execute(
            status -> {
              RetentionLock.acquire(jdbc);
              List<LegalHold> active = holds.findActive();
              List<Partition> tables = new ArrayList<>();
              for (Partition table : partitions.detached()) {
                if (table.entirelyExpiredAt(now)) {
                  tables.add(table);
                } else {
                  // not detached by a purge: someone else's business, never dropped here
                  log.warn(
                      "table {} looks like a detached partition but is not expired", table.name());
                }
              }
              Map<String, Long> purged = new TreeMap<>();
              purgeAll(tables, active).forEach((c, n) -> purged.merge(c, n, Long::sum));
              expired
                  .deleteExpired(now, detached.spared())
                  .forEach((c, n) -> purged.merge(c, n, Long::sum));
              expired.foldCounts(GovernedPartitions.dayOf(now));
              expired.forgetReadingIds(now);
              beforeCommit.accept(purged);
              return new Result(
                  purged, tables.size(), detached.held(), detaching, parentLocked, Duration.ZERO);
            });
    long releaseStart = System.nanoTime();
    release();
    return new Result(
        result.purged(),
        result.partitionsDropped(),
        result.partitionsHeld(),
        detaching,
        parentLocked,
        Duration.ofNanos(System.nanoTime() - releaseStart));
  }

  /**
   * Drops the tables purges have emptied on the record, giving their disk space back. Best effort:
   * what is left is dropped by the next purge.
   */
  private void release() {
    try {
      expired.drop(expired.purgedTables());
    } catch (DataAccessException e) {
      log.warn(
          "could not drop purged tables now ({}); the next sweep tries again",
          e.getClass().getName());
    }
  }

  /**
   * Purges detached tables: moves back the rows the holds cover, counts the rest, takes them off
   * the row counters and renames the tables out of the way of every query, sweep and partition
   * name, for {@link #release()} to drop once this is on the record and committed.
   *
   * @return rows purged per category
   */
  private Map<String, Long> purgeAll(List<Partition> tables, List<LegalHold> active) {
    Map<String, Long> dropped = new TreeMap<>();
    if (tables.isEmpty()) {
      return dropped;
    }
    List<String> names = tables.stream().map(Partition::name).toList();
    Map<LocalDate, Map<String, Long>> restored = expired.restoreHeld(names, active);
    // what the counters say is in the tables (restored rows included: the restore counted them a
    // second time, in the store)
    Map<LocalDate, Map<String, Long>> counted =
        expired.countedRows(tables.stream().map(Partition::day).toList());
    Set<String> withRows = expired.withRows(names);
    for (Partition table : tables) {
      Map<String, Long> rows =
          rowsOf(
              table,
              counted.getOrDefault(table.day(), Map.of()),
              restored.getOrDefault(table.day(), Map.of()),
              withRows.contains(table.name()));
      rows.forEach((c, n) -> dropped.merge(c, n, Long::sum));
    }
    expired.markPurged(tables);
    // once the tables are gone, the counters of their days must say what the store still holds
    expired.uncount(counted);
    return dropped;
  }

  /**
   * Rows per category of a detached table about to be dropped, for the audit record: from the
   * counters kept at insert time, so that dropping a partition of millions of rows does not mean
   * reading them. Should the counters contradict the table (a negative count, rows where they say
   * none, none where they say some: rows written around the triggers), the table is counted
   * instead; the record must be exact.
   */
  private Map<String, Long> rowsOf(
      Partition table, Map<String, Long> counted, Map<String, Long> restored, boolean hasRows) {
    Map<String, Long> rows = new TreeMap<>(counted);
    restored.forEach((c, n) -> rows.merge(c, -n, Long::sum));
    rows.values().removeIf(n -> n == 0);
    boolean plausible = rows.values().stream().allMatch(n -> n > 0) && rows.isEmpty() != hasRows;
    if (plausible) {
      return rows;
    }
    log.warn("row counters of {} disagree with the table; counting its rows instead", table.name());
    return expired.countByCategory(table.name());
  }

  /**
   * The detach transaction (see the class comment). Partitions a hold covers are counted as held;
   * if the locks are busy, the candidates are spared and tried again by the next purge.
   *
   * @param expiredPartitions attached, entirely expired partitions, oldest first
   */
  private Detached detach(List<Partition> expiredPartitions) {
    List<String> names = expiredPartitions.stream().map(Partition::name).toList();
    long[] lockedAt = {-1};
    Set<String> heldBeforeLock = new TreeSet<>();
    try {
      Set<String> held =
          transaction.execute(
              status -> {
                RetentionLock.acquire(jdbc);
                // holds cannot change before this commits: placing one takes the retention lock
                List<LegalHold> active = holds.findActive();
                Set<String> holding = new TreeSet<>(expired.holdingAnyRow(names, active));
                heldBeforeLock.addAll(holding);
                List<String> candidates =
                    names.stream().filter(name -> !holding.contains(name)).toList();
                if (candidates.isEmpty()) {
                  return holding;
                }
                jdbc.execute(
                    "set local lock_timeout = "
                        + lockTimeout.toMillis()
                        + "; lock table only "
                        + GovernedPartitions.TABLE
                        + ", only "
                        + GovernedPartitions.DEFAULT_PARTITION
                        + " in access exclusive mode");
                lockedAt[0] = System.nanoTime();
                // a reading may have arrived since the first check; none can any more
                Set<String> late = expired.holdingAnyRow(candidates, active);
                holding.addAll(late);
                List<String> detaching =
                    candidates.stream().filter(name -> !late.contains(name)).toList();
                if (!detaching.isEmpty()) {
                  jdbc.execute(
                      detaching.stream()
                          .map(
                              name ->
                                  "alter table "
                                      + GovernedPartitions.TABLE
                                      + " detach partition "
                                      + name)
                          .collect(Collectors.joining("; ")));
                }
                return holding;
              });
      for (Partition partition : expiredPartitions) {
        if (!held.contains(partition.name())) {
          partitions.forget(partition);
        }
      }
      return new Detached(held.size(), List.of(), lockedAt[0]);
    } catch (DataAccessException e) {
      log.warn(
          "could not detach the {} expired partitions now ({}); the next sweep tries again",
          names.size(),
          e.getClass().getName());
      List<Partition> spared =
          expiredPartitions.stream().filter(p -> !heldBeforeLock.contains(p.name())).toList();
      return new Detached(heldBeforeLock.size(), spared, -1);
    }
  }
}
