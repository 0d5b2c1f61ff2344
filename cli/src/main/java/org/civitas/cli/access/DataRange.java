package org.civitas.cli.access;

import java.time.Clock;
import java.time.Instant;
import org.civitas.cli.command.TimeArguments;
import org.civitas.cli.failure.UsageError;
import picocli.CommandLine.Option;

/** The options every data request has: what, when, and why. */
final class DataRange {

  @Option(
      names = "--category",
      required = true,
      paramLabel = "CATEGORY",
      description = "Data category, e.g. traffic_count, licence_plate.")
  String category;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "TIME",
      description = "Start (inclusive): 2026-11-26T10:00:00Z, 2026-11-26, now, or -PT24H.")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "TIME",
      description = "End (exclusive), same forms as --from.")
  String to;

  @Option(
      names = "--purpose",
      required = true,
      paramLabel = "PURPOSE",
      description = "Declared purpose, e.g. traffic-planning; must be permitted by the policy.")
  String purpose;

  Instant fromInstant;
  Instant toInstant;

  /** Parses and checks the range; call before anything is sent. */
  DataRange resolve(Clock clock) {
    fromInstant = TimeArguments.instant("--from", from, clock);
    toInstant = TimeArguments.instant("--to", to, clock);
    TimeArguments.requireOrdered("--from", fromInstant, "--to", toInstant);
    if (category.isBlank() || purpose.isBlank()) {
      throw new UsageError("--category and --purpose must not be empty");
    }
    return this;
  }
}
