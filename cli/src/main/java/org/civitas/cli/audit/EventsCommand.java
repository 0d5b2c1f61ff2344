package org.civitas.cli.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.command.TimeArguments;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.UsageError;
import org.civitas.cli.output.JsonView;
import org.civitas.cli.output.Table;
import org.civitas.cli.platform.PlatformResponse;
import org.civitas.cli.platform.Query;
import org.civitas.contract.audit.AuditAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(
    name = "events",
    description = "List audit events (AUDITOR). Reading the log is itself recorded in it.")
final class EventsCommand extends PlatformCommand {

  static final int MAX_SIZE = 1000;

  @Option(names = "--from", paramLabel = "TIME", description = "Events at or after this time.")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Events before this time.")
  String to;

  @Option(
      names = "--action",
      paramLabel = "ACTION",
      description = "Only this action, e.g. DATA_QUERY.")
  String action;

  @Option(names = "--actor", paramLabel = "SUBJECT", description = "Only this actor.")
  String actor;

  @Option(names = "--purpose", paramLabel = "PURPOSE", description = "Only this purpose.")
  String purpose;

  @Option(names = "--page", defaultValue = "0", paramLabel = "N", description = "Page, from 0.")
  int page;

  @Option(
      names = "--size",
      defaultValue = "100",
      paramLabel = "N",
      description = "Events per page, 1.." + MAX_SIZE + " (default: ${DEFAULT-VALUE}).")
  int size;

  @Override
  protected int run() {
    Instant fromInstant = from == null ? null : instant("--from", from);
    Instant toInstant = to == null ? null : instant("--to", to);
    if (fromInstant != null && toInstant != null) {
      TimeArguments.requireOrdered("--from", fromInstant, "--to", toInstant);
    }
    if (page < 0) {
      throw new UsageError("--page must not be negative");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new UsageError("--size must be between 1 and " + MAX_SIZE);
    }
    String actionName = action == null ? null : action(action);
    PlatformResponse response =
        platform()
            .get(
                AuditCommand.PATH + "/events",
                Query.of()
                    .add("from", fromInstant)
                    .add("to", toInstant)
                    .add("action", actionName)
                    .add("actor", actor)
                    .add("purpose", purpose)
                    .add("page", page)
                    .add("size", size));
    if (json()) {
      printRaw(response);
      return ExitCodes.OK;
    }
    print(response.json());
    return ExitCodes.OK;
  }

  private void print(JsonNode body) {
    Table table =
        Table.withColumns(
                "LEAF",
                "OCCURRED",
                "SERVICE",
                "ACTION",
                "ACTOR",
                "ROLES",
                "PURPOSE",
                "DECISION",
                "RECORDS",
                "RESOURCE")
            .neverTruncate(0);
    for (JsonNode item : body.path("items")) {
      JsonNode event = item.path("event");
      table.row(
          JsonView.cell(item.path("leafIndex")),
          JsonView.cell(event.path("occurredAt")),
          JsonView.cell(event.path("service")),
          JsonView.cell(event.path("action")),
          JsonView.cell(event.path("actor").path("subject")),
          JsonView.cell(event.path("actor").path("roles")),
          JsonView.cell(event.path("purpose")),
          JsonView.cell(event.path("decision")),
          JsonView.cell(event.path("recordCount")),
          resource(event.path("resource")));
    }
    if (table.isEmpty()) {
      out().println("No audit events.");
    } else {
      table.print(out());
    }
    long total = body.path("total").asLong(table.size());
    long pageSize = Math.max(1, body.path("size").asLong(size));
    long pages = (total + pageSize - 1) / pageSize;
    out().println();
    out()
        .println(
            "Page "
                + body.path("page").asLong(page)
                + " of "
                + Math.max(pages, 1)
                + " (pages count from 0; "
                + total
                + (total == 1 ? " event" : " events")
                + ", "
                + pageSize
                + " per page).");
    out().flush();
  }

  private static String resource(JsonNode resource) {
    if (!resource.isObject()) {
      return JsonView.cell(resource);
    }
    StringBuilder text = new StringBuilder();
    for (String field : new String[] {"category", "sensorId"}) {
      JsonNode value = resource.path(field);
      if (value.isString()) {
        text.append(text.isEmpty() ? "" : " ").append(value.stringValue());
      }
    }
    return text.isEmpty() ? "-" : text.toString();
  }

  private static String action(String given) {
    String name = given.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return AuditAction.valueOf(name).name();
    } catch (IllegalArgumentException e) {
      throw new UsageError(
          "--action: '"
              + given
              + "' is not an audit action; one of "
              + String.join(", ", Arrays.stream(AuditAction.values()).map(Enum::name).toList()));
    }
  }
}
