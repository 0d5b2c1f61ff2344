package org.civitas.cli.policy;

import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.UsageError;
import org.civitas.cli.output.JsonView;
import org.civitas.cli.output.Text;
import org.civitas.cli.platform.PlatformResponse;
import org.civitas.cli.platform.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

@Command(
    name = "show",
    description = "Show the active policy, or an earlier version, with its document as published.")
final class ShowPolicyCommand extends PlatformCommand {

  @Parameters(
      arity = "0..1",
      paramLabel = "VERSION",
      description = "A version number; the active version when omitted.")
  Long version;

  @Override
  protected int run() {
    if (version != null && version < 1) {
      throw new UsageError("VERSION must be a positive number");
    }
    String path =
        version == null
            ? PolicyCommand.PATH + "/active"
            : PolicyCommand.PATH + "/versions/" + version;
    PlatformResponse response = platform().get(path, Query.of());
    if (json()) {
      printRaw(response);
      return ExitCodes.OK;
    }
    JsonNode policy = response.json();
    out()
        .println(
            "Policy version "
                + JsonView.cell(policy.path("version"))
                + (policy.path("active").asBoolean(false) ? " (active)" : ""));
    out()
        .println(
            "Published "
                + JsonView.cell(policy.path("publishedAt"))
                + " by "
                + JsonView.cell(policy.path("author")));
    out().println("Content hash " + JsonView.cell(policy.path("contentHash")));
    out().println();
    JsonNode document = policy.path("document");
    if (document.isString()) {
      out().println(Text.multiLine(document.stringValue()).stripTrailing());
    } else if (policy.path("policy").isObject()) {
      out()
          .println(
              Text.multiLine(YAMLMapper.builder().build().writeValueAsString(policy.get("policy")))
                  .stripTrailing());
    }
    out().flush();
    return ExitCodes.OK;
  }
}
