package org.civitas.cli.policy;

import java.nio.file.Path;
import org.civitas.cli.command.InputFiles;
import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.UsageError;
import org.civitas.cli.output.JsonView;
import org.civitas.cli.platform.PlatformResponse;
import org.civitas.contract.ContractJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(
    name = "dry-run",
    description = {
      "Try a draft policy without publishing it: the governed readings each sample reading would"
          + " become, and which access rules would change. Nothing is stored.",
      "The draft is sent as the JSON object of its document (YAML is converted)."
    })
final class DryRunPolicyCommand extends PlatformCommand {

  @Parameters(paramLabel = "FILE", description = "Draft policy, YAML (.yml/.yaml) or JSON.")
  Path file;

  @Option(
      names = "--readings",
      paramLabel = "FILE",
      description =
          "Sample readings (CONTRACT §4.1): a JSON array, {\"readings\": [...]}, or NDJSON.")
  Path readings;

  @Override
  protected int run() {
    JsonNode policy = InputFiles.parse("FILE", file, InputFiles.read("FILE", file, environment()));
    if (!policy.isObject()) {
      throw new UsageError("FILE: " + file + " must hold a policy document (an object)");
    }
    ObjectNode body = ContractJson.mapper().createObjectNode();
    body.set("policy", policy);
    body.set("readings", readings == null ? body.arrayNode() : readings());
    PlatformResponse response = platform().postJson(PolicyCommand.PATH + "/dry-run", body);
    if (json()) {
      printRaw(response);
    } else {
      JsonView.print(out(), response.json());
      out().flush();
    }
    return ExitCodes.OK;
  }

  private ArrayNode readings() {
    String content = InputFiles.read("--readings", readings, environment());
    ArrayNode all = ContractJson.mapper().createArrayNode();
    JsonNode parsed;
    try {
      parsed = ContractJson.mapper().readTree(content);
    } catch (JacksonException e) {
      parsed = null; // not one JSON document: try NDJSON below
    }
    if (parsed != null && parsed.isArray()) {
      all.addAll((ArrayNode) parsed);
    } else if (parsed != null && parsed.path("readings").isArray()) {
      all.addAll((ArrayNode) parsed.get("readings"));
    } else if (parsed != null && parsed.isObject()) {
      all.add(parsed);
    } else {
      int lineNumber = 0;
      for (String line : content.split("\\R")) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        try {
          all.add(ContractJson.mapper().readTree(line));
        } catch (JacksonException e) {
          throw new UsageError(
              "--readings: " + readings + " line " + lineNumber + " is not a JSON reading");
        }
      }
    }
    return all;
  }
}
