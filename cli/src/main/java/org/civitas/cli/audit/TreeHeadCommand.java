package org.civitas.cli.audit;

import java.time.Instant;
import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.output.JsonView;
import org.civitas.cli.output.Table;
import org.civitas.cli.platform.PlatformResponse;
import org.civitas.cli.platform.Query;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

@Command(
    name = "tree-head",
    description = "Show the latest signed tree head of the audit log (public, no login needed).")
final class TreeHeadCommand extends PlatformCommand {

  @Override
  protected int run() {
    PlatformResponse response =
        anonymousPlatform().get(AuditCommand.PATH + "/tree-head", Query.of());
    if (json()) {
      printRaw(response);
      return ExitCodes.OK;
    }
    JsonNode head = response.json();
    JsonNode timestamp = head.path("timestamp");
    Table table = Table.withColumns("", "").maxCellWidth(200);
    table.row("Tree size:", JsonView.cell(head.path("treeSize")));
    table.row("Root hash:", JsonView.cell(head.path("rootHash")));
    table.row(
        "Signed at:",
        timestamp.isIntegralNumber()
            ? Instant.ofEpochMilli(timestamp.asLong()) + " (" + timestamp.asLong() + ")"
            : JsonView.cell(timestamp));
    table.row("Key id:", JsonView.cell(head.path("keyId")));
    table.row("Signature:", JsonView.cell(head.path("signature")));
    table.rowLines().forEach(out()::println);
    out().flush();
    return ExitCodes.OK;
  }
}
