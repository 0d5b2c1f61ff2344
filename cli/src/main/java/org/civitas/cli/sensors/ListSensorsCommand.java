package org.civitas.cli.sensors;

import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.output.JsonView;
import org.civitas.cli.output.Table;
import org.civitas.cli.platform.PlatformResponse;
import org.civitas.cli.platform.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(name = "list", description = "List registered sensors.")
final class ListSensorsCommand extends PlatformCommand {

  enum Status {
    ACTIVE,
    DECOMMISSIONED
  }

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only sensors with this status: ${COMPLETION-CANDIDATES}.")
  Status status;

  @Option(names = "--vendor", paramLabel = "VENDOR_ID", description = "Only this vendor's sensors.")
  String vendor;

  @Override
  protected int run() {
    PlatformResponse response =
        platform()
            .get(SensorsCommand.PATH, Query.of().add("status", status).add("vendorId", vendor));
    if (json()) {
      printRaw(response);
      return ExitCodes.OK;
    }
    JsonNode body = response.json();
    JsonNode sensors = body.isArray() ? body : body.path("items");
    Table table =
        Table.withColumns(
                "SENSOR", "VENDOR", "TYPE", "CATEGORIES", "PURPOSES", "JURISDICTION", "STATUS")
            .neverTruncate(0);
    for (JsonNode sensor : sensors) {
      table.row(
          JsonView.cell(sensor.path("sensorId")),
          JsonView.cell(sensor.path("vendorId")),
          JsonView.cell(sensor.path("type")),
          JsonView.cell(sensor.path("categories")),
          JsonView.cell(sensor.path("purposes")),
          JsonView.cell(sensor.path("jurisdiction")),
          JsonView.cell(sensor.path("status")));
    }
    if (table.isEmpty()) {
      out().println("No sensors.");
    } else {
      table.print(out());
      out().println();
      out().println(table.size() + (table.size() == 1 ? " sensor." : " sensors."));
    }
    out().flush();
    return ExitCodes.OK;
  }
}
