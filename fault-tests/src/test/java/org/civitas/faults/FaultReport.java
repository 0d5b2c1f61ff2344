package org.civitas.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The fault table, rewritten after every scenario to {@code target/fault-report.md}. */
final class FaultReport {

  private static final Path FILE = Path.of("target", "fault-report.md");
  private static final List<Row> ROWS = new ArrayList<>();

  record Row(
      String scenario,
      int sent,
      int accepted,
      long stored,
      long duplicates,
      int ingest503,
      int queriesAnswered,
      int auditEventsForThem,
      int queriesRefused,
      String logVerified,
      double outageSeconds,
      double catchUpSeconds,
      String notes) {}

  static synchronized void add(Row row) {
    ROWS.add(row);
    write();
  }

  private static void write() {
    StringBuilder md = new StringBuilder();
    md.append("# Fault tests: ").append(Instant.now()).append("\n\n");
    md.append(
        "Load average at the end: "
            + String.format(
                "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage())
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " CPUs\n\n");
    md.append(
        "| scenario | readings sent | accepted (202) | stored | duplicates | ingest 503s |"
            + " data queries answered | audit events for them | queries refused | log verified |"
            + " outage (s) | caught up after restart (s) | notes |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : ROWS) {
      md.append(
          String.format(
              "| %s | %,d | %,d | %,d | %d | %d | %d | %d | %d | %s | %.1f | %.1f | %s |%n",
              r.scenario(),
              r.sent(),
              r.accepted(),
              r.stored(),
              r.duplicates(),
              r.ingest503(),
              r.queriesAnswered(),
              r.auditEventsForThem(),
              r.queriesRefused(),
              r.logVerified(),
              r.outageSeconds(),
              r.catchUpSeconds(),
              r.notes()));
    }
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, md);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FaultReport() {}
}
