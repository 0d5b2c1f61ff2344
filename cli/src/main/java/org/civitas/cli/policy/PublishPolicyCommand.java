package org.civitas.cli.policy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.civitas.cli.command.InputFiles;
import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.UsageError;
import org.civitas.cli.output.JsonView;
import org.civitas.cli.platform.PlatformClient;
import org.civitas.cli.platform.PlatformResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
    name = "publish",
    description = {
      "Publish a policy file as the new active version. Sent as written (application/yaml for"
          + " .yml/.yaml, application/json otherwise), so the stored document is your file.",
      "Asks for confirmation on a terminal; scripts must pass --force."
    })
final class PublishPolicyCommand extends PlatformCommand {

  static final String YAML = "application/yaml";

  @Parameters(paramLabel = "FILE", description = "Policy document, YAML (.yml/.yaml) or JSON.")
  Path file;

  @Option(names = "--force", description = "Publish without asking for confirmation.")
  boolean force;

  @Override
  protected int run() {
    String content = InputFiles.read("FILE", file, environment());
    JsonNode parsed = InputFiles.parse("FILE", file, content);
    if (!parsed.isObject()) {
      throw new UsageError("FILE: " + file + " must hold a policy document (an object)");
    }
    if (!force && !environment().terminal().interactive()) {
      throw new UsageError(
          "publishing changes what the platform keeps and who may read it: pass --force to"
              + " publish without a terminal to confirm on");
    }
    PlatformClient platform = platform();
    if (!force
        && !environment()
            .terminal()
            .confirm("Publish " + file + " as the new active policy version?")) {
      err().println("Not published.");
      err().flush();
      return ExitCodes.OK;
    }
    String contentType = InputFiles.isYaml(file) ? YAML : PlatformClient.JSON;
    PlatformResponse response =
        platform.put(PolicyCommand.PATH, contentType, content.getBytes(StandardCharsets.UTF_8));
    if (json()) {
      printRaw(response);
      return ExitCodes.OK;
    }
    JsonNode published = response.json();
    out()
        .println(
            "Published policy version "
                + JsonView.cell(published.path("version"))
                + " (content hash "
                + JsonView.cell(published.path("contentHash"))
                + ").");
    out().flush();
    return ExitCodes.OK;
  }
}
