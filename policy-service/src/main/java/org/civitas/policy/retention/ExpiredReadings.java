package org.civitas.policy.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
   */
  int restoreHeld(String table, List<LegalHold> holds) {
    int restored = 0;
    for (LegalHold hold : holds) {
      Match match = match(hold);
      restored +=
          jdbc.update(
              "with held as (delete from "
                  + table
                  + " g where "
                  + match.sql()
                  + " returning g.*) insert into "
                  + GovernedPartitions.TABLE
                  + " select * from held",
              match.args().toArray());
    }
    return restored;
  }

  /** Rows per category of a table about to be dropped. */
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
