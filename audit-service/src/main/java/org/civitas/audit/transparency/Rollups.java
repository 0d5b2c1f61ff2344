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
  private final Clock clock;

  Rollups(JdbcTemplate jdbc, Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  @Override
  public void appended(List<AppendedEvent> events) {
    add(
        tally(
            events.stream().map(AppendedEvent::event).toList(),
            LocalDate.now(clock.withZone(ZoneOffset.UTC))));
  }

  /** Sums events (parsed as logged) per cell, in key order. */
  static Map<RollupKey, long[]> tally(List<JsonNode> events, LocalDate loggedOn) {
    Map<RollupKey, long[]> cells = new TreeMap<>();
    for (JsonNode event : events) {
      if (!event.isObject()) {
        continue;
      }
      long[] sums = cells.computeIfAbsent(RollupKey.of(event, loggedOn), k -> new long[2]);
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
