package org.civitas.audit.transparency;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.civitas.audit.log.AppendedEvent;
import org.civitas.audit.log.AppendedEvents;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The {@code transparency_rollups} table. Each appended batch adds to its cells in the append's own
 * transaction (one upsert per distinct cell, in key order so that concurrent writers cannot
 * deadlock), so a report over any range reads only these rows and never scans events.
 */
@Repository
class Rollups implements AppendedEvents {

  private static final String COLUMNS =
      "day, action, purpose, role, organization, category, decision, warrant,"
          + " destination_country, policy_version";

  private static final RowMapper<RollupCell> ROW =
      (rs, n) ->
          new RollupCell(
              new RollupKey(
                  rs.getDate("day").toLocalDate(),
                  rs.getString("action"),
                  rs.getString("purpose"),
                  rs.getString("role"),
                  rs.getString("organization"),
                  rs.getString("category"),
                  rs.getString("decision"),
                  rs.getBoolean("warrant"),
                  rs.getString("destination_country"),
                  rs.getLong("policy_version")),
              rs.getLong("events"),
              rs.getLong("record_count"));

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Rollups(JdbcTemplate jdbc, TransactionTemplate transactions, Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  @Override
  public void appended(List<AppendedEvent> events) {
    add(tally(events, LocalDate.now(clock.withZone(ZoneOffset.UTC))));
  }

  /** Sums events per cell, in key order. */
  static Map<RollupKey, long[]> tally(List<AppendedEvent> events, LocalDate loggedOn) {
    Map<RollupKey, long[]> cells = new TreeMap<>();
    for (AppendedEvent appended : events) {
      JsonNode event = appended.event();
      if (!event.isObject()) {
        continue;
      }
      LocalDate day =
          appended.occurredAt() == null
              ? loggedOn
              : LocalDate.ofInstant(appended.occurredAt(), ZoneOffset.UTC);
      long[] sums = cells.computeIfAbsent(RollupKey.onDay(event, day), k -> new long[2]);
      sums[0]++;
      sums[1] += RollupKey.recordCount(event);
    }
    return cells;
  }

  private void add(Map<RollupKey, long[]> cells) {
    if (cells.isEmpty()) {
      return;
    }
    List<Map.Entry<RollupKey, long[]>> rows = new ArrayList<>(cells.entrySet());
    jdbc.batchUpdate(
        "insert into transparency_rollups ("
            + COLUMNS
            + ", events, record_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict ("
            + COLUMNS
            + ") do update set events = transparency_rollups.events + excluded.events,"
            + " record_count = transparency_rollups.record_count + excluded.record_count",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            RollupKey key = rows.get(i).getKey();
            long[] sums = rows.get(i).getValue();
            ps.setDate(1, Date.valueOf(key.day()));
            ps.setString(2, key.action());
            ps.setString(3, key.purpose());
            ps.setString(4, key.role());
            ps.setString(5, key.organization());
            ps.setString(6, key.category());
            ps.setString(7, key.decision());
            ps.setBoolean(8, key.warrant());
            ps.setString(9, key.destinationCountry());
            ps.setLong(10, key.policyVersion());
            ps.setLong(11, sums[0]);
            ps.setLong(12, sums[1]);
          }

          @Override
          public int getBatchSize() {
            return rows.size();
          }
        });
  }

  /**
   * The report's figures for the days {@code from} to {@code to}, both included, summed by the
   * database in one pass over the cells (a year holds hundreds of thousands of cells; the figures
   * are a few thousand rows): one grouping set per {@link TransparencyReport.Grouping}, each over
   * columns that are NULL for the cells it does not count.
   */
  TransparencyReport.Tallies tallies(LocalDate from, LocalDate to) {
    TransparencyReport.Grouping[] groupings = TransparencyReport.Grouping.values();
    List<String> columns = new ArrayList<>();
    List<String> sets = new ArrayList<>();
    for (TransparencyReport.Grouping grouping : groupings) {
      List<String> set = new ArrayList<>();
      for (String column : grouping.columns()) {
        String alias = "g" + grouping.ordinal() + "_" + set.size();
        columns.add("case when " + grouping.condition() + " then " + column + " end as " + alias);
        set.add(alias);
      }
      sets.add("(" + String.join(", ", set) + ")");
    }
    List<String> aliases = columns.stream().map(c -> c.substring(c.lastIndexOf(' ') + 1)).toList();
    String sql =
        "select "
            + String.join(", ", aliases)
            + ", sum(events), sum(record_count) from (select "
            + String.join(", ", columns)
            + ", events, record_count from transparency_rollups where day between ? and ?) c"
            + " group by grouping sets ("
            + String.join(", ", sets)
            + ")";
    TransparencyReport.Tallies tallies = new TransparencyReport.Tallies();
    // The planner cannot estimate groups of CASE expressions and would sort the cells once per
    // set, spilling to disk; the sets are small (thousands of groups), so hash them all in one
    // pass.
    transactions.executeWithoutResult(
        status -> {
          jdbc.execute("set local work_mem = '64MB'");
          jdbc.execute("set local enable_sort = off");
          query(sql, from, to, groupings, aliases.size(), tallies);
        });
    return tallies;
  }

  private void query(
      String sql,
      LocalDate from,
      LocalDate to,
      TransparencyReport.Grouping[] groupings,
      int columns,
      TransparencyReport.Tallies tallies) {
    jdbc.query(
        sql,
        rs -> {
          int column = 1;
          for (TransparencyReport.Grouping grouping : groupings) {
            int width = grouping.columns().size();
            // a row belongs to the one set whose columns are not NULL; all NULL: cells not counted
            if (rs.getObject(column) != null) {
              List<Object> values = new ArrayList<>(width);
              for (int i = 0; i < width; i++) {
                Object value = rs.getObject(column + i);
                values.add(value instanceof Date date ? date.toLocalDate().toString() : value);
              }
              tallies.add(grouping, values, rs.getLong(columns + 1), rs.getLong(columns + 2));
              return;
            }
            column += width;
          }
        },
        Date.valueOf(from),
        Date.valueOf(to));
  }

  /** Every cell of the days {@code from} to {@code to}, both included, in key order. */
  List<RollupCell> between(LocalDate from, LocalDate to) {
    return jdbc.query(
        "select "
            + COLUMNS
            + ", events, record_count from transparency_rollups where day between ? and ?"
            + " order by "
            + COLUMNS,
        ROW,
        Date.valueOf(from),
        Date.valueOf(to));
  }
}
