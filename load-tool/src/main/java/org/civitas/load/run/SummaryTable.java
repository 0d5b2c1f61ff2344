package org.civitas.load.run;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A run summary as a table for people. */
public final class SummaryTable {

  public static String render(RunSummary s) {
    boolean kafka = s.mode().equals("kafka-baseline");
    String accepted = kafka ? "records acked" : "readings accepted";
    String request = kafka ? "batches" : "requests";
    StringBuilder out = new StringBuilder();
    out.append("== ").append(s.mode()).append(": ").append(s.target()).append(" ==\n");
    row(out, "settings", join(s.settings(), " "));
    row(out, "measured", f("%.2f s from %s (warm-up excluded)", s.elapsedSeconds(), s.startedAt()));
    row(
        out,
        "throughput",
        f(
            "%,.1f %s/s   %,.2f %s/s",
            s.acceptedPerSecond(), accepted, s.requestsPerSecond(), request));
    row(
        out,
        kafka ? "records" : "readings",
        f(
            "sent %,d   %s %,d   duplicates %,d   rejected %,d",
            s.readingsSent(),
            kafka ? "acked" : "accepted",
            s.accepted(),
            s.duplicates(),
            s.rejected()));
    row(out, request, f("%,d   failed %,d", s.requests(), s.failedRequests()));
    row(out, kafka ? "outcomes" : "HTTP status", counts(s.statusCounts()));
    if (!s.rejectionCodes().isEmpty()) {
      row(out, "rejections", counts(s.rejectionCodes()));
    }
    if (!s.problems().isEmpty()) {
      row(out, "problems", counts(s.problems()));
    }
    RunSummary.Latency l = s.latencyMillis();
    row(
        out,
        "latency (ms)",
        f(
            "p50 %,.1f   p90 %,.1f   p99 %,.1f   max %,.1f   mean %,.1f   (%,d %s answered)",
            l.p50(), l.p90(), l.p99(), l.max(), l.mean(), l.count(), request));
    row(
        out,
        kafka ? "value bytes" : "bytes sent",
        f(
            "%s (%s/s, %,.0f B per reading)",
            bytes(s.bytesSent()), bytes((long) s.bytesPerSecond()), s.averageReadingBytes()));
    row(
        out,
        "generator",
        s.generatorStalls() == 0
            ? "0 stalls (payloads were always ready)"
            : f(
                "%,d stalls: the load tool, not the target, limited this run",
                s.generatorStalls()));
    if (!s.details().isEmpty()) {
      row(out, "details", join(s.details(), "   "));
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "  %-18s %s%n", label, value));
  }

  private static String counts(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return "-";
    }
    return counts.entrySet().stream()
        .map(e -> e.getKey() + "=" + f("%,d", e.getValue()))
        .collect(Collectors.joining("  "));
  }

  private static String join(Map<String, Object> values, String separator) {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(separator));
  }

  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return f("%.1f KiB", bytes / 1024.0);
    }
    if (bytes < 1024L * 1024 * 1024) {
      return f("%.1f MiB", bytes / (1024.0 * 1024));
    }
    return f("%.2f GiB", bytes / (1024.0 * 1024 * 1024));
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private SummaryTable() {}
}
