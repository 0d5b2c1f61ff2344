package org.civitas.cli.access;

import java.util.HashSet;
import java.util.Set;
import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.CliFailure;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.UsageError;
import org.civitas.cli.output.JsonView;
import org.civitas.cli.output.ProgressBar;
import org.civitas.cli.output.Table;
import org.civitas.cli.output.Text;
import org.civitas.cli.platform.PlatformClient;
import org.civitas.cli.platform.PlatformResponse;
import org.civitas.cli.platform.Query;
import org.civitas.contract.ContractJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(
    name = "query",
    description = {
      "Governed readings, record by record (only where a record-granularity rule permits).",
      "Law enforcement reads with --purpose law-enforcement and --warrant-ref."
    })
final class QueryCommand extends PlatformCommand {

  @Mixin DataRange range;

  @Option(names = "--sensor", paramLabel = "SENSOR_ID", description = "Only this sensor.")
  String sensor;

  @Option(
      names = "--warrant-ref",
      paramLabel = "REF",
      description = "Warrant reference, required by law-enforcement rules.")
  String warrantRef;

  @Option(names = "--limit", paramLabel = "N", description = "Readings per page.")
  Integer limit;

  @Option(names = "--cursor", paramLabel = "CURSOR", description = "Continue from a page's cursor.")
  String cursor;

  @Option(names = "--all", description = "Follow nextCursor until every page is read.")
  boolean all;

  @Override
  protected int run() {
    range.resolve(environment().clock());
    if (limit != null && limit < 1) {
      throw new UsageError("--limit must be at least 1");
    }
    PlatformClient platform = platform();
    ArrayNode items = ContractJson.mapper().createArrayNode();
    String next = cursor;
    Set<String> seen = new HashSet<>();
    PlatformResponse response;
    try (ProgressBar bar = all ? progress("Reading", "readings") : ProgressBar.disabled()) {
      while (true) {
        response = platform.get(DataCommand.PATH + "/readings", query(next));
        if (!all && json()) {
          printRaw(response);
          return ExitCodes.OK;
        }
        JsonNode page = response.json();
        page.path("items").forEach(items::add);
        next = page.path("nextCursor").isString() ? page.get("nextCursor").stringValue() : null;
        bar.update(items.size(), 0);
        if (!all || next == null || next.isEmpty()) {
          break;
        }
        if (!seen.add(next)) {
          throw new CliFailure(
              ExitCodes.UNAVAILABLE, "the platform returned the same cursor twice; stopped");
        }
      }
    }
    if (json()) {
      ObjectNode merged = ContractJson.mapper().createObjectNode();
      merged.set("items", items);
      merged.putNull("nextCursor");
      out().println(merged);
    } else {
      print(items, next);
    }
    out().flush();
    return ExitCodes.OK;
  }

  private Query query(String pageCursor) {
    return Query.of()
        .add("category", range.category)
        .add("from", range.fromInstant)
        .add("to", range.toInstant)
        .add("sensorId", sensor)
        .add("purpose", range.purpose)
        .add("warrantRef", warrantRef)
        .add("cursor", pageCursor)
        .add("limit", limit);
  }

  private void print(ArrayNode items, String next) {
    Table table =
        Table.withColumns("OBSERVED", "SENSOR", "LOCATION", "ATTRIBUTES", "EXPIRES", "READING")
            .neverTruncate(5);
    for (JsonNode reading : items) {
      table.row(
          JsonView.cell(reading.path("observedAt")),
          JsonView.cell(reading.path("sensorId")),
          JsonView.cell(reading.path("location")),
          JsonView.cell(reading.path("attributes")),
          JsonView.cell(reading.path("expiresAt")),
          JsonView.cell(reading.path("readingId")));
    }
    if (table.isEmpty()) {
      out().println("No readings.");
    } else {
      table.print(out());
      out().println();
      out().println(items.size() + (items.size() == 1 ? " reading." : " readings."));
    }
    if (next != null && !next.isEmpty()) {
      out()
          .println(
              "More readings available: add --all, or --cursor "
                  + Text.oneLine(next)
                  + " for the next page.");
    }
  }
}
