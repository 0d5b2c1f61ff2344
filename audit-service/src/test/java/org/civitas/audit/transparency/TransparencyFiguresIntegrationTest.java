package org.civitas.audit.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.civitas.audit.AuditServiceTestBase;
import org.civitas.audit.treehead.SignedTreeHead;
import org.civitas.contract.audit.AuditAction;
import org.civitas.contract.audit.AuditEvent;
import org.civitas.contract.audit.AuditEvent.Actor;
import org.civitas.contract.audit.AuditEvent.LegalBasis;
import org.civitas.contract.audit.AuditEvent.Resource;
import org.civitas.contract.audit.Decision;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report reads per-day figure rows, not the cells: events on days no other test uses, then the
 * report from the figures compared with the report computed from the cells in memory, for every
 * range over those days and over everything the other tests logged; and the V4 migration's backfill
 * compared with the figures the append path writes for the same cells.
 */
class TransparencyFiguresIntegrationTest extends AuditServiceTestBase {

  private static final LocalDate FIRST = LocalDate.parse("2019-07-30");
  private static final LocalDate LAST = LocalDate.parse("2019-08-02");
  private static final SignedTreeHead HEAD = new SignedTreeHead(1, "cm9vdA==", 1L, "c2ln", "kid");
  private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
  private static final List<AuditEvent> EVENTS = new ArrayList<>();

  @Autowired private Rollups rollups;
  @Autowired private PlatformTransactionManager transactionManager;

  @Value("${spring.datasource.url}")
  private String url;

  @Value("${spring.datasource.username}")
  private String username;

  @Value("${spring.datasource.password:}")
  private String password;

  private static AuditEvent event(
      String occurredAt,
      AuditAction action,
      List<String> roles,
      String organization,
      String purpose,
      String warrantRef,
      Resource resource,
      Decision decision,
      Long recordCount,
      Long policyVersion) {
    return new AuditEvent(
        newId(),
        occurredAt,
        "policy-service",
        action,
        new Actor("subject-" + newId(), roles, organization),
        purpose,
        new LegalBasis(warrantRef),
        resource,
        decision,
        decision == Decision.DENY ? "no rule permits" : null,
        recordCount,
        policyVersion,
        "corr-" + newId());
  }

  private static Resource category(String category) {
    return new Resource(category, null, null, null);
  }

  @BeforeAll
  static void publishEvents() {
    List<String> staff = List.of("STAFF");
    List<String> police = List.of("LAW_ENFORCEMENT");
    List<String> both = List.of("STAFF", "LAW_ENFORCEMENT");
    String[] purposes = {"figures-planning", "figures-research"};
    // every day of the range, both decisions, several purposes, roles and organizations
    for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
      for (int i = 0; i < 6; i++) {
        EVENTS.add(
            event(
                day + "T0" + i + ":00:00Z",
                i % 3 == 0 ? AuditAction.DATA_AGGREGATE : AuditAction.DATA_QUERY,
                i % 2 == 0 ? staff : both,
                i < 3 ? "City IT" : "Transport Department",
                purposes[i % 2],
                null,
                category(i % 2 == 0 ? "traffic_count" : "licence_plate"),
                i == 4 ? Decision.DENY : Decision.PERMIT,
                i == 4 ? null : 10L * (i + 1),
                3L));
      }
    }
    // the UTC day decides: 01:30 at +02:00 on 1 August is 31 July; 23:59:59.999Z is still that day
    EVENTS.add(
        event(
            "2019-08-01T01:30:00+02:00",
            AuditAction.DATA_QUERY,
            police,
            "Metro Police",
            "figures-investigation",
            "W-1",
            category("licence_plate"),
            Decision.PERMIT,
            7L,
            3L));
    EVENTS.add(
        event(
            "2019-07-31T23:59:59.999Z",
            AuditAction.DATA_QUERY,
            police,
            "Metro Police",
            "figures-investigation",
            null,
            category("licence_plate"),
            Decision.DENY,
            null,
            3L));
    EVENTS.add(
        event(
            "2019-08-01T00:00:00Z",
            AuditAction.DATA_QUERY,
            both,
            "Metro Police",
            "figures-investigation",
            "  ",
            category("wifi_presence"),
            Decision.PERMIT,
            2L,
            3L));
    for (String destination : new String[] {"DE", "US", "nowhere", null}) {
      EVENTS.add(
          event(
              "2019-07-30T10:00:00Z",
              AuditAction.DATA_EXPORT,
              staff,
              "City IT",
              "figures-open-data",
              null,
              new Resource("traffic_count", null, null, null, destination),
              "US".equals(destination) ? Decision.DENY : Decision.PERMIT,
              "US".equals(destination) ? null : 100L,
              3L));
    }
    EVENTS.add(
        event(
            "2019-08-02T03:00:00Z",
            AuditAction.RETENTION_PURGE,
            List.of(),
            "Civitas",
            null,
            null,
            category("wifi_presence"),
            Decision.PERMIT,
            900L,
            3L));
    EVENTS.add(
        event(
            "2019-07-30T03:00:00Z",
            AuditAction.RESIDENCY_BLOCKED,
            List.of(),
            "Civitas",
            null,
            null,
            category("licence_plate"),
            Decision.DENY,
            null,
            3L));
    for (long version : new long[] {41, 42}) {
      EVENTS.add(
          event(
              "2019-08-0" + (version - 40) + "T08:00:00Z",
              AuditAction.POLICY_PUBLISHED,
              List.of("POLICY_ADMIN"),
              "City IT",
              null,
              null,
              Resource.NONE,
              Decision.PERMIT,
              null,
              version));
    }
    EVENTS.forEach(AuditServiceTestBase::publish);
  }

  private void awaitAllLogged() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> EVENTS.stream().allMatch(e -> logged(e.eventId())));
  }

  private static ObjectNode fromCells(Rollups rollups, LocalDate from, LocalDate to) {
    return TransparencyReport.figures(
        rollups.between(from, to), new ReportRange(from, to), HEAD, AT);
  }

  private static ObjectNode fromFigures(Rollups rollups, LocalDate from, LocalDate to) {
    return TransparencyReport.figures(
        rollups.tallies(from, to), new ReportRange(from, to), HEAD, AT);
  }

  private <T> T inOneSnapshot(TransactionCallback<T> work) {
    TransactionTemplate snapshot = new TransactionTemplate(transactionManager);
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    return snapshot.execute(work);
  }

  @Test
  void figureRowsGiveTheReportOfTheCellsForEveryRangeOverTheDays() {
    awaitAllLogged();

    int ranges = 0;
    for (LocalDate from = FIRST.minusDays(1);
        !from.isAfter(LAST.plusDays(1));
        from = from.plusDays(1)) {
      for (LocalDate to = from; !to.isAfter(LAST.plusDays(1)); to = to.plusDays(1)) {
        assertThat(fromFigures(rollups, from, to))
            .as("report %s..%s", from, to)
            .isEqualTo(fromCells(rollups, from, to));
        ranges++;
      }
    }

    assertThat(ranges).isEqualTo(21);
    ObjectNode all = fromFigures(rollups, FIRST, LAST);
    assertThat(all.at("/accessRequests/requests").asLong()).isEqualTo(4 * 6 + 3 + 4);
    assertThat(all.at("/lawEnforcement/requests").asLong()).isEqualTo(4 * 3 + 3);
    assertThat(all.at("/lawEnforcement/withWarrant").asLong()).isEqualTo(1);
    assertThat(all.at("/policyVersions").size()).isEqualTo(2);
    assertThat(all.at("/exportsByDestination").size()).isEqualTo(3);
  }

  @Test
  void rangeEndsCountEventsByTheirUtcDay() {
    awaitAllLogged();
    LocalDate july31 = LocalDate.parse("2019-07-31");
    LocalDate august1 = LocalDate.parse("2019-08-01");

    ObjectNode onJuly31 = fromFigures(rollups, july31, july31);
    ObjectNode onAugust1 = fromFigures(rollups, august1, august1);

    // the +02:00 event (with a warrant) and the 23:59:59.999Z one count on 31 July
    assertThat(onJuly31.at("/lawEnforcement/requests").asLong()).isEqualTo(3 + 2);
    assertThat(onJuly31.at("/lawEnforcement/withWarrant").asLong()).isEqualTo(1);
    assertThat(onJuly31.at("/lawEnforcement/denied").asLong()).isEqualTo(1);
    assertThat(onAugust1.at("/lawEnforcement/requests").asLong()).isEqualTo(3 + 1);
    assertThat(onAugust1.at("/lawEnforcement/withWarrant").asLong()).isZero();
    assertThat(onJuly31).isEqualTo(fromCells(rollups, july31, july31));
    assertThat(onAugust1).isEqualTo(fromCells(rollups, august1, august1));
  }

  @Test
  void figureRowsGiveTheReportOfTheCellsOverEverythingLogged() {
    awaitAllLogged();
    LocalDate from = LocalDate.parse("1970-01-01");
    LocalDate to = LocalDate.parse("2999-12-31");

    // other tests' events arrive meanwhile: both reads see one snapshot
    List<ObjectNode> reports =
        inOneSnapshot(
            status -> List.of(fromCells(rollups, from, to), fromFigures(rollups, from, to)));

    assertThat(reports.get(0).at("/byAction").size()).isGreaterThan(5);
    assertThat(reports.get(1)).isEqualTo(reports.get(0));
  }

  @Test
  void refigureRebuildsExactlyTheFiguresTheAppendsWrote() {
    awaitAllLogged();
    List<Map<String, Object>> written = figureRows(jdbc, FIRST, LAST);

    int rebuilt = rollups.refigure(FIRST, LAST);

    assertThat(rebuilt).isEqualTo(written.size()).isGreaterThan(50);
    assertThat(figureRows(jdbc, FIRST, LAST)).isEqualTo(written);
  }

  @Test
  void backfillMigrationWritesTheFiguresTheAppendPathWritesForTheSameCells() {
    awaitAllLogged();
    String schema = "figures_backfill_" + newId().replace("-", "").substring(0, 12);
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(
            url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, username, password);
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(schema)
        .locations("classpath:db/migration")
        .target("3")
        .load()
        .migrate();
    JdbcTemplate copy = new JdbcTemplate(dataSource);
    // every cell the appends of all tests wrote so far, from one snapshot of the service's schema
    List<Map<String, Object>> appendedFigures =
        inOneSnapshot(
            status -> {
              jdbc.execute(
                  "insert into "
                      + schema
                      + ".transparency_rollups select * from transparency_rollups");
              return figureRows(jdbc, LocalDate.parse("1970-01-01"), LocalDate.parse("2999-12-31"));
            });
    // cells no append of these tests makes (before 1970): more roles, an odd organization
    copy.update(
        "insert into transparency_rollups values ('1961-02-03', 'DATA_EXPORT', 'p', "
            + "'AUDITOR+LAW_ENFORCEMENT+STAFF', 'a, \"b\"', 'c', 'DENY', true, 'FR', 0, 4, 0),"
            + " ('1961-02-03', 'POLICY_PUBLISHED', '', 'POLICY_ADMIN', 'City IT', '', 'PERMIT',"
            + " false, '', 9007199254740991, 1, 0),"
            + " ('1960-12-31', 'DATA_QUERY', '', '', '', '', '', false, '', 0, 2, 5)");
    Map<RollupKey, long[]> cells = new TreeMap<>();
    Rollups copied =
        new Rollups(
            copy,
            new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
            Optional.empty());
    LocalDate from = LocalDate.parse("1900-01-01");
    LocalDate to = LocalDate.parse("2999-12-31");
    copied
        .between(from, to)
        .forEach(c -> cells.put(c.key(), new long[] {c.events(), c.recordCount()}));

    Flyway.configure()
        .dataSource(dataSource)
        .schemas(schema)
        .locations("classpath:db/migration")
        .target("4")
        .load()
        .migrate();

    List<Map<String, Object>> expected = new ArrayList<>();
    Rollups.figures(cells)
        .forEach(
            (key, sums) -> {
              Map<String, Object> row = new TreeMap<>();
              row.put("day", key.day());
              row.put("figure", key.grouping().name());
              row.put("k1", key.column(0));
              row.put("k2", key.column(1));
              row.put("k3", key.column(2));
              row.put("events", sums[0]);
              row.put("record_count", sums[1]);
              expected.add(row);
            });
    List<Map<String, Object>> backfilled = figureRows(copy, from, to);
    assertThat(backfilled).hasSize(expected.size()).isEqualTo(expected);
    assertThat(figureRows(copy, LocalDate.parse("1970-01-01"), LocalDate.parse("2999-12-31")))
        .isEqualTo(appendedFigures);
    assertThat(fromFigures(copied, from, to)).isEqualTo(fromCells(copied, from, to));
    assertThat(
            fromFigures(copied, LocalDate.parse("1961-02-03"), LocalDate.parse("1961-02-03"))
                .at("/lawEnforcement/withWarrant")
                .asLong())
        .isEqualTo(4);
    copy.execute("drop schema " + schema + " cascade");
  }

  /** The figure rows of the days, in key order (as the append path orders them). */
  private static List<Map<String, Object>> figureRows(
      JdbcTemplate jdbc, LocalDate from, LocalDate to) {
    return jdbc
        .queryForList(
            "select day, figure, k1, k2, k3, events, record_count from transparency_figures"
                + " where day between ? and ?"
                + " order by day, figure collate \"C\", k1 collate \"C\", k2 collate \"C\","
                + " k3 collate \"C\"",
            Date.valueOf(from),
            Date.valueOf(to))
        .stream()
        .map(
            row -> {
              Map<String, Object> sorted = new TreeMap<>(row);
              sorted.put("day", ((Date) row.get("day")).toLocalDate());
              return sorted;
            })
        .toList();
  }
}
