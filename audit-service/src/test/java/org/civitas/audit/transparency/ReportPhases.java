package org.civitas.audit.transparency;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civitas.audit.treehead.SignedTreeHead;
import org.civitas.audit.treehead.SigningKey;
import org.civitas.audit.treehead.TreeHeads;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * For the audit-log benchmark: the phases of {@link TransparencyReports#signedJson} timed one by
 * one, the previous way of computing the figures (one grouping-sets pass over every cell) for
 * comparison in the same run, and rebuilding figures after a bulk load of cells.
 */
public final class ReportPhases {

  /** Phase names, in the order {@link #once} runs them. */
  public static final List<String> PHASES =
      List.of(
          "tree head (latest signed)",
          "figures read (SQL over transparency_figures)",
          "report object (Jackson tree)",
          "canonical JSON, once per member, + Ed25519",
          "  of which Ed25519 over the canonical bytes (timed again)");

  private final ApplicationContext context;

  public ReportPhases(ApplicationContext context) {
    this.context = context;
  }

  /** Rebuilds the figures of the days from their cells; returns the figure rows written. */
  public int refigure(LocalDate from, LocalDate to) {
    return context.getBean(Rollups.class).refigure(from, to);
  }

  /** One report as {@code signedJson} makes it; nanoseconds per phase, then the bytes' length. */
  public long[] once(LocalDate from, LocalDate to) {
    long[] nanos = new long[PHASES.size() + 1];
    long t = System.nanoTime();
    SignedTreeHead head = context.getBean(TreeHeads.class).latest();
    t = lap(nanos, 0, t);
    TransparencyReport.Tallies tallies = context.getBean(Rollups.class).tallies(from, to);
    t = lap(nanos, 1, t);
    ObjectNode report =
        TransparencyReport.figures(tallies, new ReportRange(from, to), head, Instant.now());
    t = lap(nanos, 2, t);
    SigningKey key = context.getBean(SigningKey.class);
    byte[] bytes = TransparencyReports.signedCanonical(report, key);
    t = lap(nanos, 3, t);
    key.sign(bytes);
    lap(nanos, 4, t);
    nanos[PHASES.size()] = bytes.length;
    return nanos;
  }

  private static long lap(long[] nanos, int phase, long start) {
    long now = System.nanoTime();
    nanos[phase] = now - start;
    return now;
  }

  /** Rows the report reads now and the cells the previous way summed, over the days. */
  public Map<String, Long> rowsRead(LocalDate from, LocalDate to) {
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : List.of("transparency_figures", "transparency_rollups")) {
      rows.put(
          table,
          jdbc.queryForObject(
              "select count(*) from " + table + " where day between ? and ?",
              Long.class,
              Date.valueOf(from),
              Date.valueOf(to)));
    }
    jdbc.query(
        "select figure, count(*) from transparency_figures where day between ? and ?"
            + " group by figure order by figure",
        (RowCallbackHandler) rs -> rows.put("  " + rs.getString(1), rs.getLong(2)),
        Date.valueOf(from),
        Date.valueOf(to));
    return rows;
  }

  /**
   * The previous figure query, as it was before the figure rows: one pass over every cell of the
   * days with one hashed grouping set per {@link TransparencyReport.Grouping}; returns the groups.
   */
  public long previousQuery(LocalDate from, LocalDate to) {
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    List<String> columns = new ArrayList<>();
    List<String> aliases = new ArrayList<>();
    List<String> sets = new ArrayList<>();
    for (TransparencyReport.Grouping grouping : TransparencyReport.Grouping.values()) {
      List<String> set = new ArrayList<>();
      for (String text : grouping.sqlTexts()) {
        String column =
            switch (text) {
              case "to_char(day, 'YYYY-MM-DD')" -> "day";
              case "warrant::text" -> "warrant";
              case "policy_version::text" -> "policy_version";
              default -> text;
            };
        String alias = "g" + grouping.ordinal() + "_" + set.size();
        columns.add("case when " + grouping.condition() + " then " + column + " end as " + alias);
        set.add(alias);
        aliases.add(alias);
      }
      sets.add("(" + String.join(", ", set) + ")");
    }
    String sql =
        "select "
            + String.join(", ", aliases)
            + ", sum(events), sum(record_count) from (select "
            + String.join(", ", columns)
            + ", events, record_count from transparency_rollups where day between ? and ?) c"
            + " group by grouping sets ("
            + String.join(", ", sets)
            + ")";
    return context
        .getBean(TransactionTemplate.class)
        .execute(
            status -> {
              jdbc.execute("set local work_mem = '64MB'");
              jdbc.execute("set local enable_sort = off");
              long[] groups = {0};
              jdbc.query(
                  sql,
                  (RowCallbackHandler) rs -> groups[0]++,
                  Date.valueOf(from),
                  Date.valueOf(to));
              return groups[0];
            });
  }
}
