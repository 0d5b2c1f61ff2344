package org.civitas.audit.log;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.civitas.audit.merkle.MerkleLog;
import org.civitas.audit.merkle.MerkleMath;
import org.civitas.audit.merkle.MerkleProofs;
import org.civitas.audit.transparency.ReportPhases;
import org.civitas.audit.transparency.ReportRange;
import org.civitas.audit.transparency.TransparencyReports;
import org.civitas.audit.treehead.SignedTreeHead;
import org.civitas.audit.treehead.SigningKey;
import org.civitas.audit.treehead.TreeHeads;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Roles;
import org.civitas.contract.Topics;
import org.civitas.contract.audit.AuditAction;
import org.civitas.contract.audit.AuditEvent;
import org.civitas.contract.audit.AuditEvent.Actor;
import org.civitas.contract.audit.AuditEvent.LegalBasis;
import org.civitas.contract.audit.AuditEvent.Resource;
import org.civitas.contract.audit.Decision;
import org.civitas.infra.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Durable append rate, proof latency and transparency-report latency of the audit log on a real
 * PostgreSQL (the embedded one of the standalone setup, with {@code synchronous_commit = on} so
 * that every commit is flushed to disk before it returns):
 *
 * <ol>
 *   <li>the log grows to each size in {@code bench.sizes} (default 1,000,000 and 10,000,000
 *       leaves), up to {@code bench.durableUpTo} leaves (default 1,000,000) through the real append
 *       path ({@link AuditLog#append}: decode and canonicalize, duplicate check, leaf and node
 *       hashes, {@code audit_events}, {@code merkle_nodes}, tree size, transparency rollups, one
 *       transaction per batch of {@code bench.batch} records, default 5,000 = the consumer's {@code
 *       max-poll-records}), single-threaded like the one consumer, while tree heads are signed
 *       every 10 s as the service does; appends/s and CPU per append are reported per segment of
 *       {@code bench.segment} leaves and overall. Beyond that, the tree and the rollups are grown
 *       quickly (see {@code fill});
 *   <li>at each size: {@code bench.proofs} inclusion proofs (default 2,000) for random leaves
 *       against the full tree, done as the endpoint does them (log size, audit path, leaf hash),
 *       and as many consistency proofs from random earlier sizes, every one verified against the
 *       roots; root computation and tree-head signing; p50/p99;
 *   <li>at each size: the signed transparency report over every day the events cover ({@link
 *       TransparencyReports#signedJson}: tree head, rollup read, figures, canonical JSON, Ed25519),
 *       {@code bench.reports} times (default 30), p50/p99; then each phase of it timed on its own
 *       (tree head, figure rows, report object, signed bytes, Ed25519, canonical JSON), the figure
 *       rows read against the cells, and the previous way (one grouping-sets pass over every cell)
 *       in the same run. With {@code -Dbench.only=report} only this step runs, over the days of
 *       each size, on a kept data directory as it is (Flyway migrates it first).
 * </ol>
 *
 * Events are generated, not random noise: ~40 actor profiles (staff of several departments, law
 * enforcement with and without warrants, auditors, policy administrators, system jobs), realistic
 * purposes, categories and decisions, {@code occurredAt} rising evenly over a year for {@code
 * bench.span} leaves (default the largest size), so the rollups at the largest size are those of a
 * year of events. Event {@code i} is the same in every run, so a kept data directory ({@code
 * bench.dataDir}) can be grown further by a later run.
 *
 * <p>Not a test: run it by hand, settings as system properties:
 *
 * <pre>
 * ./mvnw -B -o -q -pl audit-service test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=org.civitas.audit.log.AuditLogBenchmark \
 *     -Dbench.sizes=1000000,10000000 -Dbench.dataDir=/tmp/audit-bench
 * </pre>
 */
public final class AuditLogBenchmark {

  private static final String TAG = "[audit-bench]";
  private static final long YEAR_MILLIS = 365L * 24 * 3600 * 1000;
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  public static void main(String[] args) throws Exception {
    long[] sizes =
        Arrays.stream(System.getProperty("bench.sizes", "1000000,10000000").split(","))
            .mapToLong(s -> Long.parseLong(s.strip()))
            .sorted()
            .toArray();
    long span = Long.getLong("bench.span", sizes[sizes.length - 1]);
    int batch = Integer.getInteger("bench.batch", 5000);
    long durableUpTo = Long.getLong("bench.durableUpTo", 1_000_000L);
    long segment = Long.getLong("bench.segment", 500_000L);
    int proofs = Integer.getInteger("bench.proofs", 2000);
    int reports = Integer.getInteger("bench.reports", 30);
    String keep = System.getProperty("bench.dataDir");
    // "report": only the report over the days of each size, on a kept data directory as it is
    boolean reportOnly = "report".equals(System.getProperty("bench.only"));
    Path directory =
        keep != null ? Path.of(keep) : Files.createTempDirectory("civitas-audit-bench");
    EmbeddedPostgres postgres = new EmbeddedPostgres(directory.resolve("postgres"), 0).start();
    ScheduledExecutorService signer = Executors.newSingleThreadScheduledExecutor();
    try (HikariDataSource dataSource = dataSource(postgres);
        AnnotationConfigApplicationContext context = context(dataSource)) {
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      report("machine", machine(jdbc));
      report(
          "settings",
          ("sizes %s, real appends up to %,d leaves in batches of %,d, span %,d leaves = 1 year,"
                  + " %,d proofs and %,d reports per size")
              .formatted(Arrays.toString(sizes), durableUpTo, batch, span, proofs, reports));
      AuditLog auditLog = context.getBean(AuditLog.class);
      MerkleLog merkle = context.getBean(MerkleLog.class);
      TreeHeads treeHeads = context.getBean(TreeHeads.class);
      TransparencyReports transparency = context.getBean(TransparencyReports.class);
      Latencies signing = new Latencies();
      signer.scheduleWithFixedDelay(
          () -> signing.time(() -> treeHeads.signIfGrown().treeSize()), 10, 10, TimeUnit.SECONDS);

      Generator generator = new Generator(span);
      CpuMeter cpu = new CpuMeter(directory.resolve("postgres"));
      Totals totals = new Totals();
      ReportPhases phases = new ReportPhases(context);
      for (long size : sizes) {
        if (!reportOnly) {
          appendDurably(
              Math.min(size, durableUpTo),
              batch,
              segment,
              auditLog,
              merkle,
              generator,
              cpu,
              totals);
          fill(size, merkle, dataSource, generator, phases);
          report("size", sizes(jdbc));
          measureProofs(size, merkle, treeHeads, proofs);
        }
        measureReport(size, generator, transparency, reports, jdbc, phases);
      }
      report("tree-head signing during appends", signing.summary());
    } finally {
      signer.shutdownNow();
      try {
        postgres.stop();
      } catch (RuntimeException e) {
        report("stop", "PostgreSQL did not stop cleanly: " + e.getMessage());
      }
      if (keep == null) {
        delete(directory);
      }
    }
  }

  private static final class Totals {
    long leaves;
    long nanos;
    long javaCpu;
    long postgresCpu;
  }

  /** Appends through the real path, durably, in the consumer's batches; reports appends/s. */
  private static void appendDurably(
      long size,
      int batch,
      long segment,
      AuditLog auditLog,
      MerkleLog merkle,
      Generator generator,
      CpuMeter cpu,
      Totals totals)
      throws IOException {
    if (merkle.size() >= size) {
      return;
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long segmentLeaves = 0;
    long segmentNanos = 0;
    long generatingCpu = 0;
    long javaStart = cpu.javaNanos();
    long postgresStart = cpu.postgresNanos();
    while (merkle.size() < size) {
      long next = merkle.size();
      int count = (int) Math.min(batch, size - next);
      long g0 = threads.getCurrentThreadCpuTime();
      List<IncomingRecord> records = generator.records(next, count);
      generatingCpu += threads.getCurrentThreadCpuTime() - g0;
      long t0 = System.nanoTime();
      AppendResult result = auditLog.append(records);
      segmentNanos += System.nanoTime() - t0;
      check(result.appended() == count, "appended " + result.appended() + " of " + count);
      segmentLeaves += count;
      if (segmentLeaves >= segment || result.treeSize() == size) {
        long java = cpu.javaNanos() - javaStart - generatingCpu;
        long postgres = cpu.postgresNanos() - postgresStart;
        report(
            "append",
            ("to %,d leaves: %,d in %.1f s = %,.0f appends/s; CPU per append: JVM %.0f µs +"
                    + " PostgreSQL %.0f µs = %,.0f appends per CPU-second; load %s")
                .formatted(
                    result.treeSize(),
                    segmentLeaves,
                    segmentNanos / 1e9,
                    segmentLeaves / (segmentNanos / 1e9),
                    java / 1e3 / segmentLeaves,
                    postgres / 1e3 / segmentLeaves,
                    segmentLeaves / ((java + postgres) / 1e9),
                    loadAverage()));
        totals.leaves += segmentLeaves;
        totals.nanos += segmentNanos;
        totals.javaCpu += java;
        totals.postgresCpu += postgres;
        segmentLeaves = 0;
        segmentNanos = 0;
        generatingCpu = 0;
        javaStart = cpu.javaNanos();
        postgresStart = cpu.postgresNanos();
      }
    }
    report(
        "append total",
        ("%,d leaves appended durably in this run: %,.0f appends/s; %,.0f appends per CPU-second"
                + " (JVM %.0f µs + PostgreSQL %.0f µs per append)")
            .formatted(
                totals.leaves,
                totals.leaves / (totals.nanos / 1e9),
                totals.leaves / ((totals.javaCpu + totals.postgresCpu) / 1e9),
                totals.javaCpu / 1e3 / totals.leaves,
                totals.postgresCpu / 1e3 / totals.leaves));
  }

  /**
   * Grows the tree beyond the durably appended part quickly, with the real Merkle append ({@link
   * MerkleLog#append}: frontier, node hashes, COPY into {@code merkle_nodes}, tree size) over
   * stand-in leaf hashes, in transactions of 200,000 leaves that do not wait for the disk. Proofs
   * read nodes only, so they see a tree of the full size; the events of the stand-in leaves are not
   * stored. The rollups are grown to match: the cells of the whole days that the real appends
   * covered are added again, shifted by that many days, until the days hold about {@code size}
   * events, so that a report over the year reads cells exactly as the real rollup code makes them;
   * the figure rows of the added days are then rebuilt from their cells ({@code Rollups.refigure}).
   */
  private static void fill(
      long size,
      MerkleLog merkle,
      DataSource dataSource,
      Generator generator,
      ReportPhases phases) {
    long durable = merkle.size();
    if (durable >= size) {
      return;
    }
    TransactionTemplate transactions =
        new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    long started = System.nanoTime();
    while (merkle.size() < size) {
      transactions.executeWithoutResult(
          status -> {
            jdbc.execute("set local synchronous_commit = off");
            long next = merkle.lockForAppend();
            int count = (int) Math.min(200_000, size - next);
            List<byte[]> hashes = new ArrayList<>(count);
            for (long leaf = next; leaf < next + count; leaf++) {
              hashes.add(
                  MerkleMath.leafHash(
                      ("stand-in leaf " + leaf).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            merkle.append(next, hashes);
          });
      long now = merkle.size();
      if (now % 1_000_000 == 0 || now == size) {
        report(
            "fill tree",
            "to %,d leaves: %,d in %.1f s; load %s"
                .formatted(now, now - durable, (System.nanoTime() - started) / 1e9, loadAverage()));
      }
    }
    LocalDate first = generator.day(0);
    LocalDate end = generator.day(durable); // the first day the real appends did not complete
    int days = (int) java.time.temporal.ChronoUnit.DAYS.between(first, end);
    check(days > 0, "the real appends cover no whole day");
    LocalDate last = generator.day(size - 1);
    long rollupStart = System.nanoTime();
    int copies = 0;
    for (LocalDate shifted = first.plusDays(days);
        !shifted.isAfter(last);
        shifted = shifted.plusDays(days)) {
      copies++;
      jdbc.update(
          "insert into transparency_rollups select day + ?::int, action, purpose, role, organization,"
              + " category, decision, warrant, destination_country, policy_version, events,"
              + " record_count from transparency_rollups where day >= ? and day < ?"
              + " and day + ?::int <= ?"
              + " on conflict (day, action, purpose, role, organization, category, decision,"
              + " warrant, destination_country, policy_version) do update"
              + " set events = transparency_rollups.events + excluded.events,"
              + " record_count = transparency_rollups.record_count + excluded.record_count",
          copies * days,
          java.sql.Date.valueOf(first),
          java.sql.Date.valueOf(end),
          copies * days,
          java.sql.Date.valueOf(last));
    }
    int figures = phases.refigure(first.plusDays(days), last);
    jdbc.execute("vacuum analyze transparency_rollups");
    jdbc.execute("vacuum analyze transparency_figures");
    report(
        "fill rollups",
        "days %s..%s (%d whole days of real appends) added %d times, %,d figure rows rebuilt, %.1f s"
            .formatted(
                first,
                end.minusDays(1),
                days,
                copies,
                figures,
                (System.nanoTime() - rollupStart) / 1e9));
  }

  /** CPU time of this JVM and of the PostgreSQL server (postmaster and its children). */
  private static final class CpuMeter {
    private final Path dataDirectory;

    CpuMeter(Path dataDirectory) {
      this.dataDirectory = dataDirectory;
    }

    long javaNanos() {
      return ((com.sun.management.OperatingSystemMXBean)
              ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

    long postgresNanos() throws IOException {
      long postmaster =
          Long.parseLong(
              Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
      long ticks = 0;
      try (DirectoryStream<Path> processes =
          Files.newDirectoryStream(
              Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
        for (Path process : processes) {
          String stat;
          try {
            stat = Files.readString(process.resolve("stat"));
          } catch (IOException e) {
            continue; // ended meanwhile
          }
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long pid = Long.parseLong(process.getFileName().toString());
          if (pid == postmaster || Long.parseLong(fields[1]) == postmaster) {
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          }
        }
      }
      return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }
  }

  /** What the inclusion endpoint reads: the log's size, the audit path and the leaf hash. */
  private record Inclusion(long logSize, MerkleLog.Inclusion proof) {}

  private static void measureProofs(long size, MerkleLog merkle, TreeHeads treeHeads, int proofs) {
    SplittableRandom random = new SplittableRandom(size);
    Latencies root = new Latencies();
    byte[] rootHash = null;
    for (int i = 0; i < 200; i++) {
      rootHash = root.time(() -> merkle.root(size));
    }
    Latencies sign = new Latencies();
    SignedTreeHead head = sign.time(treeHeads::signIfGrown);
    Latencies inclusion = new Latencies();
    Latencies consistency = new Latencies();
    for (int round = 0; round < 2; round++) {
      // the first round warms the JIT and the caches; the second is reported
      inclusion = new Latencies();
      consistency = new Latencies();
      for (int i = 0; i < proofs; i++) {
        long leaf = random.nextLong(size);
        Inclusion proof =
            inclusion.time(() -> new Inclusion(merkle.size(), merkle.inclusion(leaf, size)));
        check(proof.logSize() >= size, "the log shrank");
        check(
            MerkleProofs.verifyInclusion(
                leaf, size, proof.proof().leafHash(), proof.proof().auditPath(), rootHash),
            "inclusion proof of leaf " + leaf + " does not verify");
        long first = 1 + random.nextLong(size);
        List<byte[]> steps = consistency.time(() -> merkle.consistencyProof(first, size));
        if (i % 20 == 0) {
          // verifying needs the old root too, which is a timed operation of its own
          check(
              MerkleProofs.verifyConsistency(first, size, merkle.root(first), rootHash, steps),
              "consistency proof from " + first + " does not verify");
        }
      }
    }
    report(
        "proofs at %,d".formatted(size), "tree head signed at size %,d".formatted(head.treeSize()));
    report("  root (MTH)", root.summary());
    report("  tree head (root + Ed25519 + insert)", sign.summary());
    report("  inclusion (size; path and leaf hash)", inclusion.summary());
    report("  consistency (random first, second = size)", consistency.summary());
    report("  load", loadAverage());
  }

  private static void measureReport(
      long size,
      Generator generator,
      TransparencyReports transparency,
      int reports,
      JdbcTemplate jdbc,
      ReportPhases phases) {
    ReportRange range = new ReportRange(generator.day(0), generator.day(size - 1));
    long events =
        jdbc.queryForObject(
            "select coalesce(sum(events), 0) from transparency_rollups where day between ? and ?",
            Long.class,
            java.sql.Date.valueOf(range.from()),
            java.sql.Date.valueOf(range.to()));
    long cells =
        jdbc.queryForObject(
            "select count(*) from transparency_rollups where day between ? and ?",
            Long.class,
            java.sql.Date.valueOf(range.from()),
            java.sql.Date.valueOf(range.to()));
    Latencies latencies = new Latencies();
    int bytes = 0;
    for (int round = 0; round < 2; round++) {
      latencies = new Latencies();
      for (int i = 0; i < reports; i++) {
        bytes = latencies.time(() -> transparency.signedJson(range)).length;
      }
    }
    JsonNode report = JsonCanonicalizer.read(transparency.signedJson(range));
    long counted = 0;
    for (JsonNode row : report.path("byAction")) {
      counted += row.path("events").asLong();
    }
    check(counted == events, "the report counts " + counted + " events, the rollups " + events);
    report(
        "report at %,d".formatted(size),
        "%s..%s: %,d events in %,d rollup cells, %,d bytes of signed JSON"
            .formatted(range.from(), range.to(), events, cells, bytes));
    report("  signed report (head + figures + JSON + JCS + Ed25519)", latencies.summary());
    report("  load", loadAverage());
    report("  rows read: figure rows now, cells before", phases.rowsRead(range.from(), range.to()));
    List<Latencies> phased = new ArrayList<>();
    ReportPhases.PHASES.forEach(phase -> phased.add(new Latencies()));
    Latencies previous = new Latencies();
    long groups = 0;
    for (int round = 0; round < 2; round++) {
      phased.forEach(Latencies::clear);
      previous.clear();
      for (int i = 0; i < reports; i++) {
        long[] nanos = phases.once(range.from(), range.to());
        for (int p = 0; p < phased.size(); p++) {
          phased.get(p).add(nanos[p]);
        }
        groups = previous.time(() -> phases.previousQuery(range.from(), range.to()));
      }
    }
    for (int p = 0; p < phased.size(); p++) {
      report("  phase: " + ReportPhases.PHASES.get(p), phased.get(p).summary());
    }
    report(
        "  before: grouping sets over the cells (SQL only, %,d groups)".formatted(groups),
        previous.summary());
    report("  load", loadAverage());
  }

  /** The same event for the same leaf number in every run. */
  static final class Generator {

    /** Who acts, for which purposes, on which categories of data. */
    private record Profile(
        String subjectPrefix,
        int subjects,
        List<String> roles,
        String organization,
        List<String> purposes,
        List<String> categories) {}

    private static final List<Profile> PROFILES = profiles();

    private final long span;

    Generator(long span) {
      this.span = span;
    }

    LocalDate day(long leaf) {
      return occurredAt(leaf).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private Instant occurredAt(long leaf) {
      return EPOCH.plusMillis((long) (leaf * (YEAR_MILLIS / (double) span)));
    }

    List<IncomingRecord> records(long first, int count) {
      List<IncomingRecord> records = new ArrayList<>(count);
      for (long leaf = first; leaf < first + count; leaf++) {
        byte[] value = ContractJson.mapper().writeValueAsBytes(event(leaf));
        records.add(new IncomingRecord(Topics.AUDIT_EVENTS, (int) (leaf % 3), leaf / 3, value));
      }
      return records;
    }

    AuditEvent event(long leaf) {
      SplittableRandom random = new SplittableRandom(leaf * 0x9E3779B97F4A7C15L);
      String eventId = new UUID(0x43495649544153L, leaf).toString();
      Instant at = occurredAt(leaf);
      String occurred = at.toString();
      Profile profile = PROFILES.get(skewed(random, PROFILES.size()));
      String subject = profile.subjectPrefix() + "-" + random.nextInt(profile.subjects());
      Actor actor = new Actor(subject, profile.roles(), profile.organization());
      String purpose = profile.purposes().get(random.nextInt(profile.purposes().size()));
      String category = profile.categories().get(skewed(random, profile.categories().size()));
      Resource window =
          new Resource(
              category,
              random.nextInt(4) == 0 ? "sensor-" + random.nextInt(5000) : null,
              at.minusSeconds(86_400).toString(),
              at.toString());
      int roll = random.nextInt(1000);
      boolean lawEnforcement = profile.roles().contains(Roles.LAW_ENFORCEMENT);
      if (profile.roles().contains(Roles.AUDITOR)) {
        return new AuditEvent(
            eventId,
            occurred,
            "audit-service",
            AuditAction.AUDIT_LOG_READ,
            actor,
            purpose,
            LegalBasis.NONE,
            Resource.NONE,
            Decision.PERMIT,
            null,
            (long) random.nextInt(200),
            null,
            "corr-" + leaf);
      }
      if (profile.roles().contains(Roles.POLICY_ADMIN)) {
        AuditAction action =
            roll < 5
                ? AuditAction.POLICY_PUBLISHED
                : roll < 505
                    ? AuditAction.SENSOR_REGISTERED
                    : roll < 525
                        ? AuditAction.SENSOR_DECOMMISSIONED
                        : roll < 545
                            ? AuditAction.LEGAL_HOLD_PLACED
                            : roll < 560
                                ? AuditAction.LEGAL_HOLD_RELEASED
                                : AuditAction.RETENTION_PURGE;
        return new AuditEvent(
            eventId,
            occurred,
            "policy-service",
            action,
            actor,
            purpose,
            LegalBasis.NONE,
            new Resource(category, null, null, null),
            Decision.PERMIT,
            null,
            (long) random.nextInt(100_000),
            action == AuditAction.POLICY_PUBLISHED ? 1 + leaf / 500_000 : null,
            "corr-" + leaf);
      }
      AuditAction action =
          roll < 600
              ? AuditAction.DATA_QUERY
              : roll < 900
                  ? AuditAction.DATA_AGGREGATE
                  : roll < 990 ? AuditAction.DATA_EXPORT : AuditAction.RESIDENCY_BLOCKED;
      boolean warrant = lawEnforcement && random.nextInt(10) < 7;
      boolean denied =
          action == AuditAction.RESIDENCY_BLOCKED
              || random.nextInt(100) < (lawEnforcement && !warrant ? 60 : 4);
      return new AuditEvent(
          eventId,
          occurred,
          "policy-service",
          action,
          actor,
          purpose,
          warrant ? new LegalBasis("W-" + random.nextInt(100_000)) : LegalBasis.NONE,
          window,
          denied ? Decision.DENY : Decision.PERMIT,
          denied ? (warrant ? "outside_warrant_scope" : "purpose_not_permitted") : null,
          denied ? 0L : (long) random.nextInt(5000),
          3L,
          "corr-" + leaf);
    }

    /** Low indexes more often than high ones, as a few actors and categories dominate. */
    private static int skewed(SplittableRandom random, int n) {
      double u = random.nextDouble();
      return (int) Math.min(n - 1, Math.floor(n * u * u));
    }

    private static List<Profile> profiles() {
      List<String> all =
          List.of(
              "licence_plate",
              "traffic_count",
              "air_quality",
              "noise_level",
              "energy_usage",
              "transit_tap",
              "wifi_presence",
              "parking_occupancy",
              "pedestrian_count");
      List<Profile> profiles = new ArrayList<>();
      staff(profiles, "City IT", "traffic-planning,maintenance", "traffic_count,wifi_presence");
      staff(
          profiles,
          "Transport Department",
          "traffic-planning,transit-planning,road-safety",
          "traffic_count,licence_plate,transit_tap");
      staff(
          profiles,
          "Environment Office",
          "air-quality-monitoring,noise-monitoring",
          "air_quality,noise_level");
      staff(profiles, "Energy Utility", "energy-planning", "energy_usage");
      staff(
          profiles,
          "Parking Authority",
          "parking-management,enforcement-statistics",
          "parking_occupancy,licence_plate");
      staff(
          profiles,
          "Public Health",
          "air-quality-monitoring,public-health-research",
          "air_quality,noise_level,pedestrian_count");
      staff(
          profiles,
          "Urban Planning",
          "traffic-planning,urban-design,pedestrian-safety",
          "pedestrian_count,traffic_count,wifi_presence");
      staff(profiles, "Transit Agency", "transit-planning,service-quality", "transit_tap");
      staff(
          profiles,
          "University Research Lab",
          "public-health-research,mobility-research",
          "air_quality,pedestrian_count,transit_tap");
      staff(profiles, "Emergency Services", "emergency-response", "traffic_count,licence_plate");
      List<String> surveillance = List.of("licence_plate", "wifi_presence", "transit_tap");
      profiles.add(
          new Profile(
              "officer",
              120,
              List.of(Roles.LAW_ENFORCEMENT),
              "Metro Police",
              List.of("criminal-investigation", "missing-person"),
              surveillance));
      profiles.add(
          new Profile(
              "investigator",
              30,
              List.of(Roles.LAW_ENFORCEMENT),
              "State Police",
              List.of("criminal-investigation"),
              surveillance));
      profiles.add(
          new Profile(
              "auditor",
              8,
              List.of(Roles.AUDITOR),
              "Office of the Auditor General",
              List.of("audit"),
              all));
      profiles.add(
          new Profile(
              "privacy",
              4,
              List.of(Roles.AUDITOR, Roles.STAFF),
              "Privacy Office",
              List.of("audit", "privacy-review"),
              all));
      profiles.add(
          new Profile(
              "policy-admin",
              6,
              List.of(Roles.POLICY_ADMIN),
              "City IT",
              List.of("governance"),
              all));
      profiles.add(
          new Profile(
              "policy-service",
              1,
              List.of(Roles.POLICY_ADMIN),
              "Civitas",
              List.of("retention"),
              all));
      return profiles;
    }

    private static void staff(
        List<Profile> profiles, String organization, String purposes, String categories) {
      profiles.add(
          new Profile(
              "staff",
              300,
              List.of(Roles.STAFF),
              organization,
              List.of(purposes.split(",")),
              List.of(categories.split(","))));
    }
  }

  /** Durations of one kind of operation. */
  private static final class Latencies {
    private final List<Long> nanos = new ArrayList<>();

    <T> T time(java.util.function.Supplier<T> operation) {
      long start = System.nanoTime();
      T result = operation.get();
      synchronized (nanos) {
        nanos.add(System.nanoTime() - start);
      }
      return result;
    }

    void add(long duration) {
      synchronized (nanos) {
        nanos.add(duration);
      }
    }

    void clear() {
      synchronized (nanos) {
        nanos.clear();
      }
    }

    String summary() {
      long[] sorted;
      synchronized (nanos) {
        sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      }
      if (sorted.length == 0) {
        return "none";
      }
      return "n=%,d p50 %s p99 %s max %s"
          .formatted(
              sorted.length,
              millis(sorted[(int) Math.floor(0.50 * (sorted.length - 1))]),
              millis(sorted[(int) Math.floor(0.99 * (sorted.length - 1))]),
              millis(sorted[sorted.length - 1]));
    }

    private static String millis(long nanos) {
      return "%.3f ms".formatted(nanos / 1e6);
    }
  }

  private static AnnotationConfigApplicationContext context(DataSource dataSource)
      throws ClassNotFoundException {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context.registerBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource));
    context.registerBean(
        TransactionTemplate.class,
        () -> new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    context.registerBean(MeterRegistry.class, SimpleMeterRegistry::new);
    context.registerBean(SigningKey.class, SigningKey::generate);
    // the service's own components, wired as in the service (several are package-private)
    for (String type :
        List.of(
            "org.civitas.audit.merkle.JdbcNodeStore",
            "org.civitas.audit.merkle.MerkleLog",
            "org.civitas.audit.log.LoggedEvents",
            "org.civitas.audit.log.DeadLetters",
            "org.civitas.audit.log.AuditLog",
            "org.civitas.audit.transparency.Rollups",
            "org.civitas.audit.treehead.TreeHeads",
            "org.civitas.audit.transparency.TransparencyReports")) {
      context.register(Class.forName(type));
    }
    context.refresh();
    return context;
  }

  private static HikariDataSource dataSource(EmbeddedPostgres postgres) {
    postgres.createDatabases(List.of("audit"));
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.jdbcUrl("audit"));
    dataSource.setUsername(EmbeddedPostgres.USER);
    dataSource.setMaximumPoolSize(4);
    // the embedded server defaults to synchronous_commit = off; an append counts once it is on disk
    dataSource.setConnectionInitSql("set synchronous_commit = on");
    // as in application.yml
    Properties properties = new Properties();
    properties.setProperty("reWriteBatchedInserts", "true");
    dataSource.setDataSourceProperties(properties);
    return dataSource;
  }

  private static String machine(JdbcTemplate jdbc) throws IOException {
    return "cores %d, max heap %,d MB, loadavg %s, PostgreSQL %s, synchronous_commit %s, fsync %s, %s"
        .formatted(
            Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() >> 20,
            loadAverage(),
            jdbc.queryForObject("show server_version", String.class),
            jdbc.queryForObject("show synchronous_commit", String.class),
            jdbc.queryForObject("show fsync", String.class),
            Instant.now());
  }

  private static String sizes(JdbcTemplate jdbc) {
    return jdbc.queryForObject(
        "select format('database %s; audit_events %s, merkle_nodes %s, transparency_rollups %s"
            + " (with indexes)', pg_size_pretty(pg_database_size(current_database())),"
            + " pg_size_pretty(pg_total_relation_size('audit_events')),"
            + " pg_size_pretty(pg_total_relation_size('merkle_nodes')),"
            + " pg_size_pretty(pg_total_relation_size('transparency_rollups')))",
        String.class);
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static void report(String what, Object value) {
    System.out.printf("%s %-58s %s%n", TAG, what, value);
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private AuditLogBenchmark() {}
}
