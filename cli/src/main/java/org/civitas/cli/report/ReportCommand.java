package org.civitas.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.command.TimeArguments;
import org.civitas.cli.failure.CliFailure;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.UsageError;
import org.civitas.cli.output.JsonView;
import org.civitas.cli.output.Text;
import org.civitas.cli.platform.PlatformClient;
import org.civitas.cli.platform.PlatformResponse;
import org.civitas.cli.platform.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "report",
    description = {
      "The transparency report for a period: sensors, access requests by purpose, role and"
          + " decision, law-enforcement requests, exports, purges, policy versions, residency"
          + " blocks. Public; an AUDITOR login may see more.",
      "The JSON form names the signed tree head it was computed at and carries the platform's"
          + " Ed25519 signature; --output keeps it byte for byte so it can be checked later."
    })
public final class ReportCommand extends PlatformCommand {

  static final String PATH = "/api/v1/transparency/report";
  static final String CSV = "text/csv";

  @Option(names = "--from", required = true, paramLabel = "TIME", description = "Period start.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "TIME", description = "Period end.")
  String to;

  @Option(names = "--csv", description = "Ask for CSV instead of JSON.")
  boolean csv;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE.")
  Path output;

  @Override
  protected int run() {
    Instant fromInstant = instant("--from", from);
    Instant toInstant = instant("--to", to);
    TimeArguments.requireOrdered("--from", fromInstant, "--to", toInstant);
    if (output != null && Files.isDirectory(output)) {
      throw new UsageError("--output: " + output + " is a directory");
    }
    PlatformResponse response =
        publicPlatform()
            .get(
                PATH,
                Query.of().add("from", fromInstant).add("to", toInstant),
                csv ? CSV + ", " + PlatformClient.PROBLEM_JSON : PlatformClient.JSON);
    if (output != null) {
      write(response.body() == null ? "" : response.body());
      out().println("Report written to " + output + ".");
    } else if (csv) {
      out().print(Text.multiLine(response.body()));
    } else if (json()) {
      printRaw(response);
    } else {
      JsonView.print(out(), response.json());
    }
    out().flush();
    return ExitCodes.OK;
  }

  private void write(String body) {
    try {
      Files.writeString(output, body, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.REFUSED, "cannot write " + output + ": " + e.getMessage());
    }
  }
}
