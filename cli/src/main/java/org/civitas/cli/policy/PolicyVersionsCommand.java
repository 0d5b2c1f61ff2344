package org.civitas.cli.policy;

import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.output.JsonView;
import org.civitas.cli.output.Table;
import org.civitas.cli.platform.PlatformResponse;
import org.civitas.cli.platform.Query;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

@Command(name = "versions", description = "List every policy version: when, by whom, content hash.")
final class PolicyVersionsCommand extends PlatformCommand {

  @Override
  protected int run() {
    PlatformResponse response = platform().get(PolicyCommand.PATH + "/versions", Query.of());
    if (json()) {
      printRaw(response);
      return ExitCodes.OK;
    }
    JsonNode body = response.json();
    JsonNode versions = body.isArray() ? body : body.path("items");
    Table table =
        Table.withColumns("VERSION", "ACTIVE", "PUBLISHED", "AUTHOR", "CONTENT HASH")
            .neverTruncate(4);
    for (JsonNode version : versions) {
      table.row(
          JsonView.cell(version.path("version")),
          version.path("active").asBoolean(false) ? "*" : "",
          JsonView.cell(version.path("publishedAt")),
          JsonView.cell(version.path("author")),
          JsonView.cell(version.path("contentHash")));
    }
    if (table.isEmpty()) {
      out().println("No policy versions.");
    } else {
      table.print(out());
    }
    out().flush();
    return ExitCodes.OK;
  }
}
