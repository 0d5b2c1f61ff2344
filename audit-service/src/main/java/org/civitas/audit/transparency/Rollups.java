package org.civitas.audit.transparency;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
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
 * The {@code transparency_rollups} cells and the {@code transparency_figures} made of them. Each
 * appended batch adds to its cells and to the figures of its days in the append's own transaction
 * (one upsert per distinct cell, then one per distinct figure key, each in key order so that
 * concurrent writers cannot deadlock). The report reads the figures only: per day, exactly the sums
 * each {@link TransparencyReport.Grouping} needs, a few hundred rows a day where the cells are
 * several hundred more and ten columns wide; the CSV download reads the cells.
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

  /** A row of {@code transparency_figures}: a grouping's field values on a day, as text. */
  record FigureKey(LocalDate day, TransparencyReport.Grouping grouping, List<String> values)
      implements Comparable<FigureKey> {

    private static final Comparator<FigureKey> ORDER =
        Comparator.comparing(FigureKey::day)
            .thenComparing(k -> k.grouping().name())
            .thenComparing(k -> k.column(0))
            .thenComparing(k -> k.column(1))
            .thenComparing(k -> k.column(2));

    /** The key column {@code k<index+1>}: unused ones are {@code ""}. */
    String column(int index) {
      return index < values.size() ? values.get(index) : "";
    }

    @Override
    public int compareTo(FigureKey other) {
      return ORDER.compare(this, other);
    }
  }

  @Override
  public void appended(List<AppendedEvent> events) {
    Map<RollupKey, long[]> cells = tally(events, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    add(cells);
    addFigures(figures(cells));
  }

  /** Sums cells per figure key, in key order. */
  static Map<FigureKey, long[]> figures(Map<RollupKey, long[]> cells) {
    Map<FigureKey, long[]> figures = new TreeMap<>();
    TransparencyReport.Grouping[] groupings = TransparencyReport.Grouping.values();
    cells.forEach(
        (key, counted) -> {
          RollupCell cell = new RollupCell(key, counted[0], counted[1]);
          for (TransparencyReport.Grouping grouping : groupings) {
            if (grouping.counts(cell)) {
              long[] sums =
                  figures.computeIfAbsent(
                      new FigureKey(key.day(), grouping, grouping.texts(key)), k -> new long[2]);
              sums[0] += counted[0];
              sums[1] += counted[1];
            }
          }
        });
    return figures;
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

  private void addFigures(Map<FigureKey, long[]> figures) {
    if (figures.isEmpty()) {
      return;
    }
    List<Map.Entry<FigureKey, long[]>> rows = new ArrayList<>(figures.entrySet());
    jdbc.batchUpdate(
        "insert into transparency_figures (day, figure, k1, k2, k3, events, record_count)"
            + " values (?, ?, ?, ?, ?, ?, ?) on conflict (day, figure, k1, k2, k3) do update"
            + " set events = transparency_figures.events + excluded.events,"
            + " record_count = transparency_figures.record_count + excluded.record_count",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            FigureKey key = rows.get(i).getKey();
            long[] sums = rows.get(i).getValue();
            ps.setDate(1, Date.valueOf(key.day()));
            ps.setString(2, key.grouping().name());
            ps.setString(3, key.column(0));
            ps.setString(4, key.column(1));
            ps.setString(5, key.column(2));
            ps.setLong(6, sums[0]);
            ps.setLong(7, sums[1]);
          }

          @Override
          public int getBatchSize() {
            return rows.size();
          }
        });
  }

  /**
   * The report's figures for the days {@code from} to {@code to}, both included: the figure rows of
   * those days summed per grouping and key, a few hundred rows a day.
   */
  TransparencyReport.Tallies tallies(LocalDate from, LocalDate to) {
    TransparencyReport.Tallies tallies = new TransparencyReport.Tallies();
    jdbc.query(
        "select figure, k1, k2, k3, sum(events), sum(record_count) from transparency_figures"
            + " where day between ? and ? group by figure, k1, k2, k3",
        rs -> {
          TransparencyReport.Grouping grouping =
              TransparencyReport.Grouping.valueOf(rs.getString(1));
          List<String> texts = List.of(rs.getString(2), rs.getString(3), rs.getString(4));
          tallies.add(
              grouping,
              grouping.values(texts.subList(0, grouping.width())),
              rs.getLong(5),
              rs.getLong(6));
        },
        Date.valueOf(from),
        Date.valueOf(to));
    return tallies;
  }

  /**
   * Rebuilds the figures of the days {@code from} to {@code to}, both included, from their cells,
   * for when cells were written without them (bulk loads, repairs); returns the figure rows
   * written.
   */
  int refigure(LocalDate from, LocalDate to) {
    List<String> rows = new ArrayList<>();
    for (TransparencyReport.Grouping grouping : TransparencyReport.Grouping.values()) {
      List<String> texts = new ArrayList<>(grouping.sqlTexts());
      while (texts.size() < TransparencyReport.Grouping.MAX_FIELDS) {
        texts.add("''");
      }
      rows.add(
          "('%s', %s, %s)"
              .formatted(grouping.name(), grouping.condition(), String.join(", ", texts)));
    }
    return transactions.execute(
        status -> {
          jdbc.update(
              "delete from transparency_figures where day between ? and ?",
              Date.valueOf(from),
              Date.valueOf(to));
          return jdbc.update(
              "insert into transparency_figures (day, figure, k1, k2, k3, events, record_count)"
                  + " select c.day, f.figure, f.k1, f.k2, f.k3, sum(c.events),"
                  + " sum(c.record_count) from transparency_rollups c cross join lateral (values "
                  + String.join(", ", rows)
                  + ") as f (figure, counted, k1, k2, k3) where c.day between ? and ?"
                  + " and f.counted group by c.day, f.figure, f.k1, f.k2, f.k3",
              Date.valueOf(from),
              Date.valueOf(to));
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
