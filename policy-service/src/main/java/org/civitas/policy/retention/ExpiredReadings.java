package org.civitas.policy.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civitas.policy.governance.GovernedPartitions;
import org.civitas.policy.governance.GovernedPartitions.Partition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of purging: which rows legal holds protect, dropping detached partitions, deleting
 * expired rows elsewhere. Table names passed in are partition names from {@link
 * GovernedPartitions}, never input. Whatever concerns several partitions is one statement for all
 * of them, so that a sweep costs the same few round trips whatever the number of days it drops.
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

  private static final int MAX_PARAMETERS = 30_000;

  private static final String PURGED_PREFIX = "governed_readings_purged_";

  private final JdbcTemplate jdbc;

  ExpiredReadings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Of these tables, those holding a row one of the given active holds protects. One statement
   * whatever the number of tables, one indexed probe per table and hold (shaped by what the hold
   * names, so that a large partition is never scanned for it), each stopping at the first row.
   */
  Set<String> holdingAnyRow(List<String> tables, List<LegalHold> holds) {
    Set<String> holding = new TreeSet<>();
    if (holds.isEmpty()) {
      return holding;
    }
    for (List<String> chunk : chunks(tables, holds)) {
      StringBuilder sql = new StringBuilder();
      List<Object> args = new ArrayList<>();
      for (String table : chunk) {
        if (!sql.isEmpty()) {
          sql.append(" union all ");
        }
        sql.append("select ?::text where ");
        args.add(table);
        for (int i = 0; i < holds.size(); i++) {
          Match match = match(holds.get(i));
          sql.append(i == 0 ? "" : " or ")
              .append("exists (select 1 from ")
              .append(table)
              .append(" g where ")
              .append(match.sql())
              .append(')');
          args.addAll(match.args());
        }
      }
      holding.addAll(jdbc.queryForList(sql.toString(), String.class, args.toArray()));
    }
    return holding;
  }

  /**
   * Moves rows the holds protect from detached tables back into the store (they land in the default
   * partition, their day having no partition any more), so that a hold placed after a partition was
   * detached still wins over its drop. One statement whatever the number of tables.
   *
   * @return rows moved back per day of {@code expires_at} and category
   */
  Map<LocalDate, Map<String, Long>> restoreHeld(List<String> tables, List<LegalHold> holds) {
    Map<LocalDate, Map<String, Long>> restored = new TreeMap<>();
    if (holds.isEmpty()) {
      return restored;
    }
    for (List<String> chunk : chunks(tables, holds)) {
      StringBuilder sql = new StringBuilder("with ");
      StringBuilder moved = new StringBuilder();
      List<Object> args = new ArrayList<>();
      for (int t = 0; t < chunk.size(); t++) {
        sql.append("held").append(t).append(" as (delete from ").append(chunk.get(t));
        sql.append(" g where ").append(anyOf(holds, args)).append(" returning g.*), ");
        moved.append(t == 0 ? "" : " union all ").append("select * from held").append(t);
      }
      sql.append("moved as (insert into ")
          .append(GovernedPartitions.TABLE)
          .append(' ')
          .append(moved)
          .append(" returning expires_at, category)")
          .append(" select (expires_at at time zone 'UTC')::date as day, category, count(*) as n")
          .append(" from moved group by 1, 2");
      jdbc.query(
          sql.toString(),
          rs -> {
            restored
                .computeIfAbsent(rs.getObject("day", LocalDate.class), d -> new TreeMap<>())
                .merge(rs.getString("category"), rs.getLong("n"), Long::sum);
          },
          args.toArray());
    }
    // the rows are back in the store, where the counters must count them (ingestion counts what it
    // inserts; no trigger does), besides the detached table they came from
    adjust(restored, 1);
    return restored;
  }

  /**
   * Rows per category of the detached tables of these days, from the counters kept at insert time
   * ({@code governed_reading_counts}, see db/migration V61) rather than by scanning them: the
   * counters of a day cover the store and the day's detached table, and the store keeps no day
   * partition of a detached day, so the table holds what the counters say minus the day's rows
   * still in the store (the default partition: late arrivals, rows restored for holds). One
   * statement, one snapshot, so that a concurrent insert is either in both terms or in neither.
   * Categories with no rows are left out.
   */
  Map<LocalDate, Map<String, Long>> countedRows(Collection<LocalDate> days) {
    Map<LocalDate, Map<String, Long>> counts = new TreeMap<>();
    if (days.isEmpty()) {
      return counts;
    }
    List<Object> args = new ArrayList<>(days);
    StringJoiner ranges = new StringJoiner(" or ");
    for (LocalDate day : days) {
      // ranges of expires_at, not its day, so that the scan is pruned to the partitions concerned
      ranges.add("(expires_at >= ? and expires_at < ?)");
      args.add(Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
      args.add(Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    jdbc.query(
        """
        select expires_on, category, sum(n) as n
          from (select expires_on, category, row_count as n from governed_reading_counts
                 where expires_on in (%s)
                union all
                select (expires_at at time zone 'UTC')::date, category, -count(*)
                  from governed_readings
                 where %s
                 group by 1, 2) c
         group by expires_on, category
        having sum(n) <> 0
         order by expires_on, category
        """
            .formatted(String.join(", ", Collections.nCopies(days.size(), "?")), ranges),
        rs -> {
          counts
              .computeIfAbsent(rs.getObject("expires_on", LocalDate.class), d -> new TreeMap<>())
              .put(rs.getString("category"), rs.getLong("n"));
        },
        args.toArray());
    return counts;
  }

  /** Which of these tables hold any row; one page read per table, whatever its size. */
  Set<String> withRows(List<String> tables) {
    if (tables.isEmpty()) {
      return Set.of();
    }
    StringJoiner sql = new StringJoiner(" union all ");
    for (String table : tables) {
      sql.add("select ?::text where exists (select 1 from " + table + ")");
    }
    return new TreeSet<>(jdbc.queryForList(sql.toString(), String.class, tables.toArray()));
  }

  /**
   * Takes rows that left the store without a trigger seeing them (from a detached table, directly)
   * off the counters of their day, every day in one statement.
   */
  void uncount(Map<LocalDate, Map<String, Long>> removed) {
    adjust(removed, -1);
  }

  private void adjust(Map<LocalDate, Map<String, Long>> rowsPerDay, int sign) {
    List<Object[]> rows = new ArrayList<>();
    rowsPerDay.forEach(
        (day, categories) ->
            categories.forEach(
                (category, n) -> {
                  if (n != 0) {
                    rows.add(new Object[] {day, category, sign * n});
                  }
                }));
    if (rows.isEmpty()) {
      return;
    }
    // one row per (day, category): the rewritten multi-row insert may not meet a key twice
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

  /**
   * Renames purged tables out of the way ({@code governed_readings_purged_YYYYMMDD}): no query,
   * sweep or partition creation looks at them any more, and a later purge drops them without
   * counting them again. One round trip for all of them.
   */
  void markPurged(List<Partition> tables) {
    if (!tables.isEmpty()) {
      jdbc.execute(
          tables.stream()
              .map(
                  t ->
                      "alter table "
                          + t.name()
                          + " rename to "
                          + PURGED_PREFIX
                          + DateTimeFormatter.BASIC_ISO_DATE.format(t.day()))
              .collect(Collectors.joining("; ")));
    }
  }

  /** Tables purged on the record and not dropped yet. */
  List<String> purgedTables() {
    return jdbc.queryForList(
        """
        select c.relname from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = current_schema()
           and c.relkind = 'r'
           and c.relname like 'governed\\_readings\\_purged\\_%'
         order by c.relname
        """,
        String.class);
  }

  /** Drops tables, all in one statement; they are no partitions, so the parent is not locked. */
  void drop(List<String> tables) {
    if (!tables.isEmpty()) {
      jdbc.execute("drop table if exists " + String.join(", ", tables));
    }
  }

  /**
   * Deletes expired rows that no active hold protects, wherever they are (the partition of the
   * current day, partitions kept for holds, the default partition), except in the partitions
   * passed: entirely expired ones that could not be detached now, left whole for the next sweep to
   * drop rather than emptied row by row.
   *
   * @return deleted rows per category
   */
  Map<String, Long> deleteExpired(Instant now, List<Partition> spared) {
    StringBuilder sql =
        new StringBuilder("with deleted as (delete from ")
            .append(GovernedPartitions.TABLE)
            .append(" g where g.expires_at <= ?");
    List<Object> args = new ArrayList<>();
    args.add(Timestamp.from(now));
    for (Partition partition : spared) {
      // a range the planner prunes the partition by
      sql.append(" and (g.expires_at < ? or g.expires_at >= ?)");
      args.add(Timestamp.from(partition.lowerBound()));
      args.add(Timestamp.from(partition.upperBound()));
    }
    sql.append(" and not ")
        .append(HELD)
        .append(" returning g.category) select category, count(*) as n from deleted")
        .append(" group by category");
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query(
        sql.toString(),
        rs -> {
          counts.put(rs.getString("category"), rs.getLong("n"));
        },
        args.toArray());
    return counts;
  }

  /** Forgets readingIds past the window in which another delivery could still be accepted. */
  int forgetReadingIds(Instant now) {
    return jdbc.update(
        "delete from governed_reading_ids where remember_until <= ?", Timestamp.from(now));
  }

  private record Match(String sql, List<Object> args) {}

  /** The rows of {@code g} any of the holds protects, its arguments added to {@code args}. */
  private static String anyOf(List<LegalHold> holds, List<Object> args) {
    StringJoiner any = new StringJoiner(" or ", "(", ")");
    for (LegalHold hold : holds) {
      Match match = match(hold);
      any.add("(" + match.sql() + ")");
      args.addAll(match.args());
    }
    return any.toString();
  }

  /**
   * The tables in groups small enough for one statement's bind parameters (at most 32,767) when
   * each is matched against every hold.
   */
  private static List<List<String>> chunks(List<String> tables, List<LegalHold> holds) {
    int perTable = 1;
    for (LegalHold hold : holds) {
      perTable += match(hold).args().size();
    }
    int size = Math.max(1, MAX_PARAMETERS / perTable);
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < tables.size(); i += size) {
      chunks.add(tables.subList(i, Math.min(tables.size(), i + size)));
    }
    return chunks;
  }

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
