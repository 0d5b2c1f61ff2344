package org.civitas.audit.transparency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.civitas.audit.treehead.SignedTreeHead;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Roles;
import org.civitas.contract.audit.AuditAction;
import org.civitas.contract.audit.Decision;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The figures of the public report, computed from rollup cells only. Every list is sorted, so the
 * same cells always give the same report; absent facts are {@code null}. Actors appear by role and
 * organization only.
 */
final class TransparencyReport {

  static final int VERSION = 1;

  static final Set<String> ACCESS =
      Set.of(
          AuditAction.DATA_QUERY.name(),
          AuditAction.DATA_AGGREGATE.name(),
          AuditAction.DATA_EXPORT.name());

  static final String DENY = Decision.DENY.name();

  /** The CSV header: one column per key part, then the sums. */
  static final List<String> CSV_COLUMNS =
      List.of(
          "day",
          "action",
          "purpose",
          "role",
          "organization",
          "category",
          "decision",
          "warrant",
          "destinationCountry",
          "policyVersion",
          "events",
          "recordCount");

  /**
   * A key part as a report field: its name, its value in a cell, the same value as text in SQL over
   * the rollup columns, and how to read that text back.
   */
  private record Field(
      String name,
      Function<RollupKey, Object> value,
      String sqlText,
      Function<String, Object> read) {

    Field(String name, Function<RollupKey, Object> value, String column) {
      this(name, value, column, text -> text);
    }

    /** The value as a figure key stores it: as {@link String#valueOf} writes it. */
    String text(RollupKey key) {
      return String.valueOf(value.apply(key));
    }
  }

  private static final Field DAY =
      new Field("day", k -> k.day().toString(), "to_char(day, 'YYYY-MM-DD')", text -> text);
  private static final Field ACTION = new Field("action", RollupKey::action, "action");
  private static final Field PURPOSE = new Field("purpose", RollupKey::purpose, "purpose");
  private static final Field ROLE = new Field("role", RollupKey::role, "role");
  private static final Field ORGANIZATION =
      new Field("organization", RollupKey::organization, "organization");
  private static final Field CATEGORY = new Field("category", RollupKey::category, "category");
  private static final Field DECISION = new Field("decision", RollupKey::decision, "decision");
  private static final Field WARRANT =
      new Field("warrant", RollupKey::warrant, "warrant::text", Boolean::valueOf);
  private static final Field DESTINATION =
      new Field("destinationCountry", RollupKey::destinationCountry, "destination_country");
  private static final Field POLICY_VERSION =
      new Field("policyVersion", RollupKey::policyVersion, "policy_version::text", Long::valueOf);

  private static final Predicate<RollupCell> ACCESS_CELLS = c -> ACCESS.contains(c.key().action());
  private static final String ACCESS_SQL =
      "action in ("
          + ACCESS.stream().sorted().map(a -> "'" + a + "'").collect(Collectors.joining(", "))
          + ")";

  /**
   * The groupings the report is made of: which cells each one counts (as a predicate, and as the
   * same condition in SQL over the rollup columns) and which fields it groups them by. Totals are
   * sums over a grouping, so these are all the figures there are. The names are stored in {@code
   * transparency_figures.figure}: renaming or changing one needs a migration that rebuilds its
   * rows.
   */
  enum Grouping {
    ACCESS_BY_DAY(ACCESS_CELLS, ACCESS_SQL, List.of(DAY, PURPOSE, DECISION)),
    ACCESS_BY_PURPOSE(ACCESS_CELLS, ACCESS_SQL, List.of(PURPOSE, ACTION, DECISION)),
    ACCESS_BY_ROLE(ACCESS_CELLS, ACCESS_SQL, List.of(ROLE, ORGANIZATION, DECISION)),
    LAW_ENFORCEMENT_BY_DAY(
        ACCESS_CELLS.and(c -> isLawEnforcement(c.key())),
        ACCESS_SQL + " and '" + Roles.LAW_ENFORCEMENT + "' = any(string_to_array(role, '+'))",
        List.of(DAY, WARRANT, DECISION)),
    EXPORTS(AuditAction.DATA_EXPORT, List.of(DESTINATION, CATEGORY, DECISION)),
    RETENTION_PURGES(AuditAction.RETENTION_PURGE, List.of(CATEGORY)),
    RESIDENCY_BLOCKS(AuditAction.RESIDENCY_BLOCKED, List.of(CATEGORY)),
    POLICY_VERSIONS(AuditAction.POLICY_PUBLISHED, List.of(POLICY_VERSION, DAY, ORGANIZATION)),
    BY_ACTION(c -> true, "true", List.of(ACTION, DECISION));

    private final Predicate<RollupCell> cells;
    private final String condition;
    private final List<Field> fields;

    Grouping(Predicate<RollupCell> cells, String condition, List<Field> fields) {
      this.cells = cells;
      this.condition = condition;
      this.fields = fields;
    }

    Grouping(AuditAction action, List<Field> fields) {
      this(c -> action.name().equals(c.key().action()), "action = '" + action.name() + "'", fields);
    }

    /** At most this many fields: the key columns {@code k1..k3} of the figures. */
    static final int MAX_FIELDS = 3;

    int width() {
      return fields.size();
    }

    /** Whether the grouping counts this cell. */
    boolean counts(RollupCell cell) {
      return cells.test(cell);
    }

    /** The values a cell's key has in this grouping's fields, as figure keys store them. */
    List<String> texts(RollupKey key) {
      return fields.stream().map(field -> field.text(key)).toList();
    }

    /** Figure key texts back as the values {@link Tallies} holds. */
    List<Object> values(List<String> texts) {
      List<Object> values = new ArrayList<>(fields.size());
      for (int i = 0; i < fields.size(); i++) {
        values.add(fields.get(i).read().apply(texts.get(i)));
      }
      return values;
    }

    /** The same texts as {@link #texts} in SQL over the rollup columns, in field order. */
    List<String> sqlTexts() {
      return fields.stream().map(Field::sqlText).toList();
    }

    /** An SQL condition on the rollup columns that holds for the cells this grouping counts. */
    String condition() {
      return condition;
    }
  }

  /** Sums (events, record count) per distinct field values, for every grouping. */
  static final class Tallies {
    private final Map<Grouping, Map<List<Object>, long[]>> groups = new EnumMap<>(Grouping.class);

    Tallies() {
      for (Grouping grouping : Grouping.values()) {
        groups.put(grouping, new TreeMap<>(TransparencyReport::compareValues));
      }
    }

    /** Counts the cells in memory. */
    static Tallies of(List<RollupCell> cells) {
      Tallies tallies = new Tallies();
      for (Grouping grouping : Grouping.values()) {
        for (RollupCell cell : cells) {
          if (grouping.cells.test(cell)) {
            List<Object> values = new ArrayList<>(grouping.fields.size());
            grouping.fields.forEach(field -> values.add(field.value().apply(cell.key())));
            tallies.add(grouping, values, cell.events(), cell.recordCount());
          }
        }
      }
      return tallies;
    }

    /**
     * Adds sums to a group. Values are as {@link RollupKey} holds them, except that days are ISO
     * text.
     */
    void add(Grouping grouping, List<Object> values, long events, long recordCount) {
      long[] sums = groups.get(grouping).computeIfAbsent(values, v -> new long[2]);
      sums[0] += events;
      sums[1] += recordCount;
    }

    Map<List<Object>, long[]> of(Grouping grouping) {
      return groups.get(grouping);
    }

    /** Events of a grouping whose field at {@code index} satisfies the test. */
    long sum(Grouping grouping, int index, Predicate<Object> test) {
      long sum = 0;
      for (Map.Entry<List<Object>, long[]> group : groups.get(grouping).entrySet()) {
        if (test.test(group.getKey().get(index))) {
          sum += group.getValue()[0];
        }
      }
      return sum;
    }

    long records(Grouping grouping) {
      return groups.get(grouping).values().stream().mapToLong(sums -> sums[1]).sum();
    }
  }

  /** The report object without {@code keyId} and {@code signature}. */
  static ObjectNode figures(
      List<RollupCell> cells, ReportRange range, SignedTreeHead treeHead, Instant generatedAt) {
    return figures(Tallies.of(cells), range, treeHead, generatedAt);
  }

  /** The report object without {@code keyId} and {@code signature}. */
  static ObjectNode figures(
      Tallies tallies, ReportRange range, SignedTreeHead treeHead, Instant generatedAt) {
    ObjectNode report = ContractJson.mapper().createObjectNode();
    report.put("version", VERSION);
    report.put("from", range.from().toString());
    report.put("to", range.to().toString());
    report.put("generatedAt", generatedAt.toString());

    Predicate<Object> any = v -> true;
    Predicate<Object> denied = DENY::equals;
    ObjectNode requests = report.putObject("accessRequests");
    Grouping byPurpose = Grouping.ACCESS_BY_PURPOSE;
    int decision = byPurpose.fields.indexOf(DECISION);
    requests.put("requests", tallies.sum(byPurpose, decision, any));
    requests.put("permitted", tallies.sum(byPurpose, decision, denied.negate()));
    requests.put("denied", tallies.sum(byPurpose, decision, denied));
    requests.put("records", tallies.records(byPurpose));
    group(requests.putArray("byDay"), tallies, Grouping.ACCESS_BY_DAY, "requests");
    group(requests.putArray("byPurpose"), tallies, byPurpose, "requests");
    group(requests.putArray("byRole"), tallies, Grouping.ACCESS_BY_ROLE, "requests");

    Grouping lawEnforcement = Grouping.LAW_ENFORCEMENT_BY_DAY;
    int warrant = lawEnforcement.fields.indexOf(WARRANT);
    ObjectNode le = report.putObject("lawEnforcement");
    le.put("requests", tallies.sum(lawEnforcement, warrant, any));
    le.put("withWarrant", tallies.sum(lawEnforcement, warrant, Boolean.TRUE::equals));
    le.put("withoutWarrant", tallies.sum(lawEnforcement, warrant, Boolean.FALSE::equals));
    le.put("denied", tallies.sum(lawEnforcement, lawEnforcement.fields.indexOf(DECISION), denied));
    group(le.putArray("byDay"), tallies, lawEnforcement, "requests");

    group(report.putArray("exports"), tallies, Grouping.EXPORTS, "requests");
    exportsByDestination(report.putArray("exportsByDestination"), tallies);
    group(report.putArray("retentionPurges"), tallies, Grouping.RETENTION_PURGES, "purges");
    group(report.putArray("residencyBlocks"), tallies, Grouping.RESIDENCY_BLOCKS, "blocks");
    group(report.putArray("policyVersions"), tallies, Grouping.POLICY_VERSIONS, "publications");
    group(report.putArray("byAction"), tallies, Grouping.BY_ACTION, "events");

    ObjectNode head = report.putObject("treeHead");
    head.put("treeSize", treeHead.treeSize());
    head.put("rootHash", treeHead.rootHash());
    head.put("timestamp", treeHead.timestamp());
    head.put("signature", treeHead.signature());
    head.put("keyId", treeHead.keyId());
    return report;
  }

  /**
   * One row per destination country: export requests, how many were permitted and denied, and the
   * readings handed out (denied exports hand out none). Exports recorded without a destination
   * (before events carried one) are the row whose {@code destinationCountry} is null.
   */
  private static void exportsByDestination(ArrayNode out, Tallies tallies) {
    Grouping exports = Grouping.EXPORTS;
    int destinationAt = exports.fields.indexOf(DESTINATION);
    int decisionAt = exports.fields.indexOf(DECISION);
    Map<String, long[]> destinations = new TreeMap<>();
    tallies
        .of(exports)
        .forEach(
            (values, counted) -> {
              long[] sums =
                  destinations.computeIfAbsent(
                      values.get(destinationAt).toString(), d -> new long[4]);
              boolean denied = DENY.equals(values.get(decisionAt));
              sums[0] += counted[0];
              sums[denied ? 2 : 1] += counted[0];
              sums[3] += denied ? 0 : counted[1];
            });
    destinations.forEach(
        (destination, sums) -> {
          ObjectNode row = out.addObject();
          if (destination.isEmpty()) {
            row.putNull("destinationCountry");
          } else {
            row.put("destinationCountry", destination);
          }
          row.put("requests", sums[0]);
          row.put("permitted", sums[1]);
          row.put("denied", sums[2]);
          row.put("records", sums[3]);
        });
  }

  /** The cells as CSV rows under {@link #CSV_COLUMNS}, in key order. */
  static String csv(List<RollupCell> cells) {
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", CSV_COLUMNS)).append("\r\n");
    for (RollupCell cell : sorted(cells)) {
      RollupKey k = cell.key();
      List<String> row =
          Arrays.asList(
              k.day().toString(),
              k.action(),
              k.purpose(),
              k.role(),
              k.organization(),
              k.category(),
              k.decision(),
              Boolean.toString(k.warrant()),
              k.destinationCountry(),
              k.policyVersion() == 0 ? "" : Long.toString(k.policyVersion()),
              Long.toString(cell.events()),
              Long.toString(cell.recordCount()));
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(csvField(row.get(i)));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  static boolean isLawEnforcement(RollupKey key) {
    return Arrays.asList(key.role().split("\\+")).contains(Roles.LAW_ENFORCEMENT);
  }

  private static void group(ArrayNode out, Tallies tallies, Grouping grouping, String countName) {
    List<Field> fields = grouping.fields;
    tallies
        .of(grouping)
        .forEach(
            (values, sums) -> {
              ObjectNode row = out.addObject();
              for (int i = 0; i < fields.size(); i++) {
                String name = fields.get(i).name();
                Object value = values.get(i);
                if (value instanceof Boolean b) {
                  row.put(name, b);
                } else if (value instanceof Long n) {
                  if (n == 0) {
                    row.putNull(name);
                  } else {
                    row.put(name, n);
                  }
                } else if (value.toString().isEmpty()) {
                  row.putNull(name);
                } else {
                  row.put(name, value.toString());
                }
              }
              row.put(countName, sums[0]);
              row.put("records", sums[1]);
            });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(List<Object> a, List<Object> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = ((Comparable) a.get(i)).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static List<RollupCell> sorted(List<RollupCell> cells) {
    return cells.stream().sorted(Comparator.comparing(RollupCell::key)).toList();
  }

  /** RFC 4180 quoting, and a leading quote mark against formulas in spreadsheet programs. */
  static String csvField(String value) {
    String safe = value;
    if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }

  private TransparencyReport() {}
}
