package org.civitas.policy.retention;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.civitas.contract.reading.GovernedReading;
import org.civitas.contract.reading.GovernedReading.GovernedLocation;
import org.civitas.infra.EmbeddedPostgres;
import org.civitas.policy.governance.GovernedPartitions;
import org.civitas.policy.governance.GovernedStoreFixtures;
import org.civitas.policy.governance.GovernedStoreSettings;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention sweep by partition drop against a plain row-wise DELETE, and the governed store's
 * insert rate, on a real PostgreSQL (the embedded one of the standalone setup), in one run:
 *
 * <ol>
 *   <li>{@code bench.rows} expired readings (default 10,000,000) spread over {@code bench.days} day
 *       partitions (default 10), generated in SQL; an identical unpartitioned copy with the same
 *       indexes;
 *   <li>the real purge ({@link StorePurge}: one detach transaction for every partition, counts per
 *       category from the row counters, purge on the record, then the drop of the files) against
 *       {@code delete from copy where expires_at <= now} on the copy, both timed, and their ratio;
 *   <li>{@code bench.insertRows} governed readings (default 500,000; 0 skips this part) stored
 *       through the real insert path of ingestion (ledger of ids, JDBC batch rewritten into
 *       multi-row inserts), in batches of {@code bench.batch} (default 500, the consumer's poll
 *       size), single-threaded like one consumer; the same again with the row counters' insert
 *       trigger disabled, to show what counting costs; and a fifth of that with {@code
 *       reWriteBatchedInserts} off.
 * </ol>
 *
 * Not a test: run it by hand, settings as system properties:
 *
 * <pre>
 * ./mvnw -pl policy-service -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.civitas.policy.retention.RetentionSweepBenchmark -Dbench.rows=10000000
 * </pre>
 *
 * Loading 10M rows takes minutes. With {@code -Dbench.snapshot=/some/dir} the first run keeps a
 * copy of the loaded, stopped cluster there and later runs with the same rows and days start from a
 * copy of it (the snapshot itself is never changed; delete the directory when the migrations
 * change). A snapshot of 10M rows takes several GB. </pre>
 */
public final class RetentionSweepBenchmark {

  private static final String SNAPSHOT_MARKER = "loaded.txt";

  private static final String[] CATEGORIES = {
    "licence_plate",
    "traffic_count",
    "air_quality",
    "noise_level",
    "energy_usage",
    "transit_tap",
    "wifi_presence",
    "parking_occupancy",
    "pedestrian_count"
  };

  public static void main(String[] args) throws Exception {
    long rows = Long.getLong("bench.rows", 10_000_000L);
    int days = Integer.getInteger("bench.days", 10);
    int insertRows = Integer.getInteger("bench.insertRows", 500_000);
    int batch = Integer.getInteger("bench.batch", 500);
    String snapshotProperty = System.getProperty("bench.snapshot");
    Path snapshot = snapshotProperty == null ? null : Path.of(snapshotProperty);
    String loaded = "%,d rows in %d day partitions".formatted(rows, days);
    Path directory = Files.createTempDirectory("civitas-retention-bench");
    Path data = directory.resolve("postgres");
    boolean reuse = snapshot != null && Files.exists(snapshot.resolve(SNAPSHOT_MARKER));
    if (reuse) {
      List<String> marker = Files.readAllLines(snapshot.resolve(SNAPSHOT_MARKER));
      check(
          marker.get(0).equals(loaded),
          "the snapshot holds " + marker.get(0) + ", not " + loaded + "; use another directory");
      long copyStart = System.nanoTime();
      copy(snapshot.resolve("postgres"), data);
      report(
          "load",
          "%s, from the snapshot in %s (%s); copied and synced in %s"
              .formatted(loaded, snapshot, marker.get(1), seconds(System.nanoTime() - copyStart)));
    }
    EmbeddedPostgres postgres = new EmbeddedPostgres(data, 0).start();
    long postmaster = -1;
    try {
      postgres.createDatabases(List.of("bench"));
      try (HikariDataSource dataSource = dataSource(postgres, true)) {
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .outOfOrder(true)
            .load()
            .migrate();
        if (!reuse) {
          JdbcTemplate jdbc = new JdbcTemplate(dataSource);
          long loadStart = System.nanoTime();
          new TransactionTemplate(new DataSourceTransactionManager(dataSource))
              .executeWithoutResult(status -> load(jdbc, rows, days));
          jdbc.execute("vacuum analyze governed_readings");
          jdbc.execute("vacuum analyze bench_unpartitioned");
          String took = seconds(System.nanoTime() - loadStart);
          report("load", "%s and in an unpartitioned copy, %s".formatted(loaded, took));
          if (snapshot != null) {
            jdbc.execute("checkpoint");
            dataSource.close();
            postgres.stop();
            long copyStart = System.nanoTime();
            Files.createDirectories(snapshot);
            copy(data, snapshot.resolve("postgres"));
            Files.write(
                snapshot.resolve(SNAPSHOT_MARKER),
                List.of(loaded, "loaded " + Instant.now() + " in " + took));
            report(
                "snapshot",
                "kept in %s for later runs (-Dbench.snapshot=%s), copied and synced in %s"
                    .formatted(snapshot, snapshot, seconds(System.nanoTime() - copyStart)));
            postgres.start();
          }
        }
      }
      try (HikariDataSource dataSource = dataSource(postgres, true)) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        GovernedPartitions partitions =
            GovernedStoreFixtures.partitions(jdbc, transactions, Clock.systemUTC());
        report("machine", machine(jdbc));
        postmaster = postmasterOf(jdbc);

        Instant now = Instant.now();
        StorePurge purge =
            new StorePurge(
                partitions,
                new ExpiredReadings(jdbc),
                new LegalHolds(JdbcClient.create(dataSource)),
                jdbc,
                transactions,
                new GovernedStoreSettings(Duration.ofSeconds(30)));
        jdbc.execute("checkpoint");
        String walBeforeSweep = wal(jdbc);
        long sweepStart = System.nanoTime();
        long[] recorded = new long[1];
        StorePurge.Result result = purge.purge(now, purged -> recorded[0] = System.nanoTime());
        long sweepNanos = System.nanoTime() - sweepStart;
        long sweepWal = walSince(jdbc, walBeforeSweep);
        long purged = result.purged().values().stream().mapToLong(Long::longValue).sum();
        check(purged == rows, "the sweep purged " + purged + " rows, expected " + rows);
        check(result.partitionsDropped() == days, "dropped " + result.partitionsDropped());

        jdbc.execute("checkpoint");
        String walBeforeDelete = wal(jdbc);
        long deleteStart = System.nanoTime();
        int deleted =
            jdbc.update(
                "delete from bench_unpartitioned where expires_at <= ?", Timestamp.from(now));
        long deleteNanos = System.nanoTime() - deleteStart;
        long deleteWal = walSince(jdbc, walBeforeDelete);
        // a DELETE leaves dead rows and index entries behind until vacuum reclaims them
        long vacuumStart = System.nanoTime();
        jdbc.execute("vacuum bench_unpartitioned");
        long vacuumNanos = System.nanoTime() - vacuumStart;
        check(deleted == rows, "the baseline deleted " + deleted + " rows, expected " + rows);

        long detachNanos = result.detaching().toNanos();
        long releaseNanos = result.releasing().toNanos();
        report(
            "sweep",
            ("partition drop (detach, counts per category from the counters, drop) of %,d rows in"
                    + " %d partitions: %s until purged and on the record (final commit done),"
                    + " %s with the files dropped; WAL %s")
                .formatted(
                    rows,
                    days,
                    seconds(sweepNanos - releaseNanos),
                    seconds(sweepNanos),
                    megabytes(sweepWal)));
        report(
            "sweep phases",
            ("detach transaction, commit included: %s (parent locked exclusively for %s);"
                    + " final transaction until the counts are handed over for the audit record:"
                    + " %s; its commit: %s; dropping the purged tables afterwards: %s")
                .formatted(
                    seconds(detachNanos),
                    seconds(result.parentLocked().toNanos()),
                    seconds(recorded[0] - sweepStart - detachNanos),
                    seconds(sweepStart + sweepNanos - releaseNanos - recorded[0]),
                    seconds(releaseNanos)));
        report(
            "baseline",
            "DELETE ... WHERE expires_at <= now on the unpartitioned copy: %s, WAL %s"
                .formatted(seconds(deleteNanos), megabytes(deleteWal)));
        report(
            "baseline vacuum",
            "VACUUM of the copy afterwards, to reclaim the deleted rows: %s"
                .formatted(seconds(vacuumNanos)));
        report(
            "ratio",
            ("DELETE / sweep until on the record: %.1f x; DELETE / whole sweep: %.1f x;"
                    + " DELETE + VACUUM / whole sweep: %.1f x")
                .formatted(
                    deleteNanos / (double) (sweepNanos - releaseNanos),
                    deleteNanos / (double) sweepNanos,
                    (deleteNanos + vacuumNanos) / (double) sweepNanos));
        report("loadavg after", Files.readString(Path.of("/proc/loadavg")).strip());
        if (insertRows <= 0) {
          return;
        }

        GovernedStoreFixtures.Store store =
            new GovernedStoreFixtures.Store(jdbc, transactions, partitions);
        insertRate("insert", store, insertRows, batch, postmaster);
        // the same without the row counters' insert trigger, to show what counting costs
        jdbc.execute(
            "alter table governed_readings disable trigger governed_readings_counted_insert");
        insertRate("insert without row counters", store, insertRows, batch, postmaster);
        jdbc.execute(
            "alter table governed_readings enable trigger governed_readings_counted_insert");
      }
      try (HikariDataSource plain = dataSource(postgres, false)) {
        JdbcTemplate jdbc = new JdbcTemplate(plain);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(plain);
        GovernedPartitions partitions =
            GovernedStoreFixtures.partitions(jdbc, transactions, Clock.systemUTC());
        insertRate(
            "insert without reWriteBatchedInserts",
            new GovernedStoreFixtures.Store(jdbc, transactions, partitions),
            Math.max(batch, insertRows / 5),
            batch,
            postmaster);
      }
    } finally {
      postgres.stop();
      delete(directory);
    }
  }

  /** Copies a stopped cluster's data directory, permissions included. */
  private static void copy(Path from, Path to) throws IOException, InterruptedException {
    Process copy =
        new ProcessBuilder("cp", "-a", from.toString(), to.toString()).inheritIO().start();
    check(copy.waitFor() == 0, "could not copy " + from + " to " + to);
  }

  private static HikariDataSource dataSource(EmbeddedPostgres postgres, boolean rewrite) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.jdbcUrl("bench"));
    dataSource.setUsername(EmbeddedPostgres.USER);
    dataSource.setMaximumPoolSize(4);
    Properties properties = new Properties();
    properties.setProperty("reWriteBatchedInserts", String.valueOf(rewrite));
    dataSource.setDataSourceProperties(properties);
    return dataSource;
  }

  /**
   * Runs in one transaction. Generates the rows once into a staging table, then builds each day
   * partition as a plain table and attaches it (index builds in bulk rather than row by row; the
   * result is what the service creates: same names, bounds and indexes), and the unpartitioned copy
   * with the same indexes.
   */
  private static void load(JdbcTemplate jdbc, long rows, int days) {
    LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(days + 1L);
    Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
    long spanSeconds = Duration.ofDays(days).toSeconds();
    jdbc.execute("set local synchronous_commit = off");
    jdbc.execute("set local maintenance_work_mem = '256MB'");
    jdbc.execute("create table bench_source (like governed_readings including defaults)");
    jdbc.update(
        """
        insert into bench_source
        select 'r-' || g, 'sensor-' || (g % 500), (?::text[])[1 + g % 9],
               e - interval '1 day', 'dpz83d', null,
               (array['{"count": 3, "speedKmh": 48.0}'::jsonb, '{"count": 7}'::jsonb,
                      '{"pm25": 8.1, "no2": 12}'::jsonb, '{"plate": "pz_Qm9JX2c1cGVyU2VjcmV0"}'::jsonb])[1 + g % 4],
               'CA-ON', 1, e, e - interval '1 day'
          from (select g, ?::timestamptz + (g % ?) * interval '1 second' as e
                  from generate_series(1, ?) g) s
        """,
        CATEGORIES, Timestamp.from(start), spanSeconds, rows);
    // what the triggers on governed_readings keep while ingestion stores rows one batch at a time;
    // the rows here go straight into the day tables, around the triggers
    jdbc.execute(
        """
        insert into governed_reading_counts (expires_on, category, shard, row_count)
        select (expires_at at time zone 'UTC')::date, category, -1, count(*) from bench_source
         group by 1, 2
        """);
    for (int d = 0; d < days; d++) {
      GovernedPartitions.Partition partition = GovernedPartitions.partitionOf(first.plusDays(d));
      String lower = "timestamptz '" + partition.lowerBound() + "'";
      String upper = "timestamptz '" + partition.upperBound() + "'";
      jdbc.execute(
          "create table "
              + partition.name()
              + " (like governed_readings including defaults including constraints)");
      jdbc.execute(
          "insert into "
              + partition.name()
              + " select * from bench_source where expires_at >= "
              + lower
              + " and expires_at < "
              + upper);
      jdbc.execute(
          "alter table "
              + partition.name()
              + " add constraint bound check (expires_at >= "
              + lower
              + " and expires_at < "
              + upper
              + ")");
      jdbc.execute(
          "alter table governed_readings attach partition "
              + partition.name()
              + " for values from ("
              + lower
              + ") to ("
              + upper
              + ")");
      jdbc.execute("alter table " + partition.name() + " drop constraint bound");
      // vacuumed by hand below; an autovacuum during a measurement would blur it
      jdbc.execute("alter table " + partition.name() + " set (autovacuum_enabled = false)");
    }
    jdbc.execute("alter table bench_source rename to bench_unpartitioned");
    jdbc.execute("alter table bench_unpartitioned set (autovacuum_enabled = false)");
    jdbc.execute("create index on bench_unpartitioned (category, observed_at, reading_id)");
    jdbc.execute("create index on bench_unpartitioned (sensor_id, observed_at, reading_id)");
    jdbc.execute("create index on bench_unpartitioned (expires_at)");
  }

  private static void insertRate(
      String label, GovernedStoreFixtures.Store store, int total, int batch, long postmaster) {
    Instant now = Instant.now();
    long[] cpuBefore = cpuMillis(postmaster);
    List<GovernedReading> readings = new ArrayList<>(batch);
    long stored = 0;
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      readings.add(reading(i, now));
      if (readings.size() == batch || i == total - 1) {
        stored += store.insert(readings, now);
        readings.clear();
      }
    }
    long nanos = System.nanoTime() - start;
    long[] cpuAfter = cpuMillis(postmaster);
    check(stored == total, "stored " + stored + " of " + total);
    double jvmCpu = (cpuAfter[0] - cpuBefore[0]) / 1e3;
    double postgresCpu = (cpuAfter[1] - cpuBefore[1]) / 1e3;
    report(
        label,
        ("%,d readings in batches of %d: %s, %,.0f rows/s; CPU: JVM %.1f s, PostgreSQL %.1f s,"
                + " %,.0f rows per CPU-second")
            .formatted(
                total,
                batch,
                seconds(nanos),
                total / (nanos / 1e9),
                jvmCpu,
                postgresCpu,
                total / (jvmCpu + postgresCpu)));
  }

  /** A minimized licence-plate reading as ingestion stores it, expiring in the next days. */
  private static GovernedReading reading(int i, Instant now) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("plate", "pz_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22));
    attributes.put("speedKmh", (double) (30 + i % 60));
    attributes.put("lane", 1 + i % 3);
    Instant observedAt = now.minusSeconds(i % 900);
    return new GovernedReading(
        UUID.randomUUID().toString(),
        "cam-" + (i % 200),
        CATEGORIES[i % CATEGORIES.length],
        observedAt,
        new GovernedLocation("dpz83d", null),
        attributes,
        "CA-ON",
        1,
        observedAt.plus(Duration.ofDays(1 + i % 3)));
  }

  /**
   * CPU time used so far by this JVM and by the benchmark's PostgreSQL (postmaster, its live
   * backends, and the children it has reaped), in milliseconds. On a shared machine wall time
   * stretches with the load; CPU time per row much less, so it is what compares two runs.
   */
  private static long[] cpuMillis(long postmaster) {
    long jvm =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime()
            / 1_000_000;
    long ticks = 0;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : processes.toList()) {
        String name = process.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        String[] stat = stat(process);
        if (stat == null) {
          continue;
        }
        long pid = Long.parseLong(name);
        long parent = Long.parseLong(stat[1]);
        if (pid == postmaster) {
          // own time, and the time of backends that have exited
          ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
          ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
        } else if (parent == postmaster) {
          ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        }
      }
    } catch (IOException e) {
      return new long[] {jvm, -1};
    }
    return new long[] {jvm, ticks * 10};
  }

  /** The parent of this connection's backend process. */
  private static long postmasterOf(JdbcTemplate jdbc) {
    Integer backend = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
    String[] stat = stat(Path.of("/proc", String.valueOf(backend)));
    return stat == null ? -1 : Long.parseLong(stat[1]);
  }

  /** Fields of /proc/pid/stat after the command name: [0] state, [1] ppid, [11] utime ... */
  private static String[] stat(Path process) {
    try {
      String text = Files.readString(process.resolve("stat"));
      return text.substring(text.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Map<String, String> machine(JdbcTemplate jdbc) throws IOException {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    facts.put("loadavg", Files.readString(Path.of("/proc/loadavg")).strip());
    facts.put("postgres", jdbc.queryForObject("show server_version", String.class));
    facts.put("date", Instant.now().toString());
    return facts;
  }

  private static String wal(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select pg_current_wal_lsn()::text", String.class);
  }

  private static long walSince(JdbcTemplate jdbc, String lsn) {
    return jdbc.queryForObject(
        "select pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint", Long.class, lsn);
  }

  private static String megabytes(long bytes) {
    return "%.1f MB".formatted(bytes / 1e6);
  }

  private static void report(String what, Object value) {
    System.out.printf("[retention-bench] %-40s %s%n", what, value);
  }

  private static String seconds(long nanos) {
    return "%.2f s".formatted(nanos / 1e9);
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

  private RetentionSweepBenchmark() {}
}
