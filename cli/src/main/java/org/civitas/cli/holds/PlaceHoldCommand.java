package org.civitas.cli.holds;

import java.time.Instant;
import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.command.TimeArguments;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.UsageError;
import org.civitas.cli.output.JsonView;
import org.civitas.cli.platform.PlatformResponse;
import org.civitas.contract.ContractJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Command(
    name = "place",
    description =
        "Place a legal hold on readings observed in a time range (optionally one category or sensor).")
final class PlaceHoldCommand extends PlatformCommand {

  @Option(
      names = "--from",
      required = true,
      paramLabel = "TIME",
      description = "Start of the held range.")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "TIME",
      description = "End of the held range.")
  String to;

  @Option(
      names = "--case-ref",
      required = true,
      paramLabel = "REF",
      description = "Case reference.")
  String caseRef;

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "Why the readings must be kept.")
  String reason;

  @Option(names = "--category", paramLabel = "CATEGORY", description = "Only this category.")
  String category;

  @Option(names = "--sensor", paramLabel = "SENSOR_ID", description = "Only this sensor.")
  String sensor;

  @Override
  protected int run() {
    Instant fromInstant = instant("--from", from);
    Instant toInstant = instant("--to", to);
    TimeArguments.requireOrdered("--from", fromInstant, "--to", toInstant);
    if (caseRef.isBlank() || reason.isBlank()) {
      throw new UsageError("--case-ref and --reason must not be empty");
    }
    ObjectNode body = ContractJson.mapper().createObjectNode();
    if (category != null) {
      body.put("category", category);
    }
    if (sensor != null) {
      body.put("sensorId", sensor);
    }
    body.put("from", fromInstant.toString());
    body.put("to", toInstant.toString());
    body.put("caseRef", caseRef);
    body.put("reason", reason);
    PlatformResponse response = platform().postJson(HoldsCommand.PATH, body);
    if (json()) {
      printRaw(response);
      return ExitCodes.OK;
    }
    JsonNode hold = response.json();
    out().println("Placed legal hold " + JsonView.cell(hold.path("id")) + ".");
    JsonView.print(out(), hold);
    out().flush();
    return ExitCodes.OK;
  }
}
