package org.civitas.cli.holds;

import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.output.JsonView;
import org.civitas.cli.output.Table;
import org.civitas.cli.platform.PlatformResponse;
import org.civitas.cli.platform.Query;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

@Command(name = "list", description = "List legal holds.")
final class ListHoldsCommand extends PlatformCommand {

  @Override
  protected int run() {
    PlatformResponse response = platform().get(HoldsCommand.PATH, Query.of());
    if (json()) {
      printRaw(response);
      return ExitCodes.OK;
    }
    JsonNode body = response.json();
    JsonNode holds = body.isArray() ? body : body.path("items");
    Table table =
        Table.withColumns("ID", "CASE", "CATEGORY", "SENSOR", "FROM", "TO", "REASON")
            .neverTruncate(0);
    for (JsonNode hold : holds) {
      table.row(
          JsonView.cell(hold.path("id")),
          JsonView.cell(hold.path("caseRef")),
          JsonView.cell(hold.path("category")),
          JsonView.cell(hold.path("sensorId")),
          JsonView.cell(hold.path("from")),
          JsonView.cell(hold.path("to")),
          JsonView.cell(hold.path("reason")));
    }
    if (table.isEmpty()) {
      out().println("No legal holds.");
    } else {
      table.print(out());
    }
    out().flush();
    return ExitCodes.OK;
  }
}
