package org.civitas.audit.transparency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
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

  private record Field(String name, Function<RollupKey, Object> value) {}

  private static final Field DAY = new Field("day", k -> k.day().toString());
  private static final Field ACTION = new Field("action", RollupKey::action);
  private static final Field PURPOSE = new Field("purpose", RollupKey::purpose);
  private static final Field ROLE = new Field("role", RollupKey::role);
  private static final Field ORGANIZATION = new Field("organization", RollupKey::organization);
  private static final Field CATEGORY = new Field("category", RollupKey::category);
  private static final Field DECISION = new Field("decision", RollupKey::decision);
  private static final Field WARRANT = new Field("warrant", RollupKey::warrant);
  private static final Field DESTINATION =
      new Field("destinationCountry", RollupKey::destinationCountry);
  private static final Field POLICY_VERSION = new Field("policyVersion", RollupKey::policyVersion);

  /** The report object without {@code keyId} and {@code signature}. */
  static ObjectNode figures(
      List<RollupCell> cells, ReportRange range, SignedTreeHead treeHead, Instant generatedAt) {
    ObjectNode report = ContractJson.mapper().createObjectNode();
    report.put("version", VERSION);
    report.put("from", range.from().toString());
    report.put("to", range.to().toString());
    report.put("generatedAt", generatedAt.toString());

    Predicate<RollupCell> access = c -> ACCESS.contains(c.key().action());
    ObjectNode requests = report.putObject("accessRequests");
    totals(requests, cells, access, "requests");
    group(requests.putArray("byDay"), cells, access, List.of(DAY, PURPOSE, DECISION), "requests");
    group(
        requests.putArray("byPurpose"),
        cells,
        access,
        List.of(PURPOSE, ACTION, DECISION),
        "requests");
    group(
        requests.putArray("byRole"),
        cells,
        access,
        List.of(ROLE, ORGANIZATION, DECISION),
        "requests");

    Predicate<RollupCell> lawEnforcement = access.and(c -> isLawEnforcement(c.key()));
    ObjectNode le = report.putObject("lawEnforcement");
    le.put("requests", sum(cells, lawEnforcement));
    le.put("withWarrant", sum(cells, lawEnforcement.and(c -> c.key().warrant())));
    le.put("withoutWarrant", sum(cells, lawEnforcement.and(c -> !c.key().warrant())));
    le.put("denied", sum(cells, lawEnforcement.and(c -> DENY.equals(c.key().decision()))));
    group(le.putArray("byDay"), cells, lawEnforcement, List.of(DAY, WARRANT, DECISION), "requests");

    group(
        report.putArray("exports"),
        cells,
        action(AuditAction.DATA_EXPORT),
        List.of(DESTINATION, CATEGORY, DECISION),
        "requests");
    exportsByDestination(
        report.putArray("exportsByDestination"), cells, action(AuditAction.DATA_EXPORT));
    group(
        report.putArray("retentionPurges"),
        cells,
        action(AuditAction.RETENTION_PURGE),
        List.of(CATEGORY),
        "purges");
    group(
        report.putArray("residencyBlocks"),
        cells,
        action(AuditAction.RESIDENCY_BLOCKED),
        List.of(CATEGORY),
        "blocks");
    group(
        report.putArray("policyVersions"),
        cells,
        action(AuditAction.POLICY_PUBLISHED),
        List.of(POLICY_VERSION, DAY, ORGANIZATION),
        "publications");
    group(report.putArray("byAction"), cells, c -> true, List.of(ACTION, DECISION), "events");

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
  private static void exportsByDestination(
      ArrayNode out, List<RollupCell> cells, Predicate<RollupCell> exports) {
    Map<String, long[]> destinations = new TreeMap<>();
    for (RollupCell cell : cells) {
      if (exports.test(cell)) {
        long[] sums =
            destinations.computeIfAbsent(cell.key().destinationCountry(), d -> new long[4]);
        boolean denied = DENY.equals(cell.key().decision());
        sums[0] += cell.events();
        sums[denied ? 2 : 1] += cell.events();
        sums[3] += denied ? 0 : cell.recordCount();
      }
    }
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

  private static Predicate<RollupCell> action(AuditAction action) {
    return c -> action.name().equals(c.key().action());
  }

  private static long sum(List<RollupCell> cells, Predicate<RollupCell> filter) {
    return cells.stream().filter(filter).mapToLong(RollupCell::events).sum();
  }

  private static void totals(
      ObjectNode out, List<RollupCell> cells, Predicate<RollupCell> filter, String countName) {
    out.put(countName, sum(cells, filter));
    out.put("permitted", sum(cells, filter.and(c -> !DENY.equals(c.key().decision()))));
    out.put("denied", sum(cells, filter.and(c -> DENY.equals(c.key().decision()))));
    out.put("records", cells.stream().filter(filter).mapToLong(RollupCell::recordCount).sum());
  }

  private static void group(
      ArrayNode out,
      List<RollupCell> cells,
      Predicate<RollupCell> filter,
      List<Field> fields,
      String countName) {
    Map<List<Object>, long[]> groups = new TreeMap<>(TransparencyReport::compareValues);
    for (RollupCell cell : cells) {
      if (filter.test(cell)) {
        List<Object> values = new ArrayList<>(fields.size());
        fields.forEach(field -> values.add(field.value().apply(cell.key())));
        long[] sums = groups.computeIfAbsent(values, v -> new long[2]);
        sums[0] += cell.events();
        sums[1] += cell.recordCount();
      }
    }
    groups.forEach(
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
