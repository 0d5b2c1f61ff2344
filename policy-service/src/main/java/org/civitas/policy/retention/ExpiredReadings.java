package org.civitas.policy.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civitas.policy.governance.GovernedPartitions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of purging: which rows legal holds protect, dropping detached partitions, deleting
 * expired rows elsewhere. Table names passed in are partition names from {@link
 * GovernedPartitions}, never input.
 */
@Repository
class ExpiredReadings {

  /** Rows of {@code g} that an active hold protects. */
  static final String HELD =
      """
      exists (select 1 from legal_holds h
               where h.released_at is null
                 and g.observed_at >= h.from_time and g.observed_at < h.to_time
                 and (h.category is null or h.category = g.category)
                 and (h.sensor_id is null or h.sensor_id = g.sensor_id))
      """;

  private final JdbcTemplate jdbc;

  ExpiredReadings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Whether any of the given active holds protects a row of the table. One indexed probe per hold,
   * shaped by what the hold names, so that a large partition is never scanned for it.
   */
  boolean holdsAnyRow(String table, List<LegalHold> holds) {
    for (LegalHold hold : holds) {
      Match match = match(hold);
      Boolean found =
          jdbc.queryForObject(
              "select exists (select 1 from " + table + " g where " + match.sql() + ")",
              Boolean.class,
              match.args().toArray());
      if (Boolean.TRUE.equals(found)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Moves rows the holds protect from a detached table back into the store (they land in the
   * default partition, the table's range being gone), so that a hold placed after a partition was
   * detached still wins over its drop.
   *
   * @return rows moved back per category
   */
  Map<String, Long> restoreHeld(String table, List<LegalHold> holds) {
    Map<String, Long> restored = new TreeMap<>();
    for (LegalHold hold : holds) {
      Match match = match(hold);
      jdbc.query(
          "with held as (delete from "
              + table
              + " g where "
              + match.sql()
              + " returning g.*), moved as (insert into "
              + GovernedPartitions.TABLE
              + " select * from held returning category) select category, count(*) as n from"
              + " moved group by category",
          rs -> {
            restored.merge(rs.getString("category"), rs.getLong("n"), Long::sum);
          },
          match.args().toArray());
    }
    return restored;
  }

  /**
   * Rows per category of the detached table of this day, from the counters kept at insert time
   * ({@code governed_reading_counts}, see db/migration V61) rather than by scanning it: the
   * counters of a day cover the store and the day's detached table, and the store keeps no day
   * partition of a detached day, so the table holds what the counters say minus the day's rows
   * still in the store (the default partition: late arrivals, rows restored for holds). One
   * statement, one snapshot, so that a concurrent insert is either in both terms or in neither.
   * Categories with no rows are left out.
   */
  Map<String, Long> countedRows(LocalDate day) {
    Instant lower = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant upper = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query(
        """
        select category, sum(n) as n
          from (select category, row_count as n from governed_reading_counts where expires_on = ?
                union all
                select category, -count(*) from governed_readings
                 where expires_at >= ? and expires_at < ?
                 group by category) c
         group by category
        having sum(n) <> 0
         order by category
        """,
        rs -> {
          counts.put(rs.getString("category"), rs.getLong("n"));
        },
        day,
        Timestamp.from(lower),
        Timestamp.from(upper));
    return counts;
  }

  /** Whether the table holds any row; one page read, whatever its size. */
  boolean hasRows(String table) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject("select exists (select 1 from " + table + ")", Boolean.class));
  }

  /**
   * Takes rows that left the store without a trigger seeing them (from a detached table, directly)
   * off the counters of their day.
   */
  void uncount(LocalDate day, Map<String, Long> removed) {
    List<Object[]> rows = new ArrayList<>();
    removed.forEach(
        (category, n) -> {
          if (n != 0) {
            rows.add(new Object[] {day, category, -n});
          }
        });
    if (rows.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        """
        insert into governed_reading_counts as c (expires_on, category, shard, row_count)
        values (?, ?, -1, ?)
        on conflict (expires_on, category, shard)
        do update set row_count = c.row_count + excluded.row_count
        """,
        rows);
  }

  /**
   * Folds the counters of days before {@code today} into one row per (day, category) and forgets
   * the rows that sum to nothing, so that the counters stay as small as the store's days. Exact
   * under concurrent inserts: a counter row another transaction has just added to is deleted (and
   * folded) with its new value, one created meanwhile stays as it is.
   */
  void foldCounts(LocalDate today) {
    jdbc.update(
        """
        with folded as (
          delete from governed_reading_counts where expires_on < ? and shard <> -1
          returning expires_on, category, row_count)
        insert into governed_reading_counts as c (expires_on, category, shard, row_count)
        select expires_on, category, -1, sum(row_count) from folded
         group by expires_on, category
         order by expires_on, category
        on conflict (expires_on, category, shard)
        do update set row_count = c.row_count + excluded.row_count
        """,
        today);
    jdbc.update(
        "delete from governed_reading_counts where expires_on < ? and row_count = 0", today);
  }

  /** Rows per category of a table about to be dropped, by scanning it. */
  Map<String, Long> countByCategory(String table) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query(
        "select category, count(*) as n from " + table + " group by category",
        rs -> {
          counts.put(rs.getString("category"), rs.getLong("n"));
        });
    return counts;
  }

  void drop(String table) {
    jdbc.execute("drop table " + table);
  }

  /**
   * Deletes expired rows that no active hold protects, wherever they are (the partition of the
   * current day, partitions kept for holds, the default partition).
   *
   * @return deleted rows per category
   */
  Map<String, Long> deleteExpired(Instant now) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query(
        "with deleted as (delete from "
            + GovernedPartitions.TABLE
            + " g where g.expires_at <= ? and not "
            + HELD
            + " returning g.category) select category, count(*) as n from deleted group by"
            + " category",
        rs -> {
          counts.put(rs.getString("category"), rs.getLong("n"));
        },
        Timestamp.from(now));
    return counts;
  }

  /** Forgets readingIds past the window in which another delivery could still be accepted. */
  int forgetReadingIds(Instant now) {
    return jdbc.update(
        "delete from governed_reading_ids where remember_until <= ?", Timestamp.from(now));
  }

  private record Match(String sql, List<Object> args) {}

  private static Match match(LegalHold hold) {
    StringBuilder sql = new StringBuilder("g.observed_at >= ? and g.observed_at < ?");
    List<Object> args = new ArrayList<>();
    args.add(Timestamp.from(hold.from()));
    args.add(Timestamp.from(hold.to()));
    if (hold.category() != null) {
      sql.append(" and g.category = ?");
      args.add(hold.category());
    }
    if (hold.sensorId() != null) {
      sql.append(" and g.sensor_id = ?");
      args.add(hold.sensorId());
    }
    return new Match(sql.toString(), args);
  }
}
