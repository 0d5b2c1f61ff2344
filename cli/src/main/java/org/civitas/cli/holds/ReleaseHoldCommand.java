package org.civitas.cli.holds;

import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.output.Text;
import org.civitas.cli.platform.PlatformClient;
import org.civitas.cli.platform.PlatformResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "release",
    description = "Release a legal hold: its readings then expire as the policy says.")
final class ReleaseHoldCommand extends PlatformCommand {

  @Parameters(paramLabel = "ID", description = "The hold's id.")
  String id;

  @Override
  protected int run() {
    PlatformResponse response =
        platform().delete(HoldsCommand.PATH + "/" + PlatformClient.segment(id));
    if (json()) {
      printRaw(response);
    } else {
      out()
          .println(
              "Released legal hold "
                  + Text.oneLine(id)
                  + ": its readings now expire as the policy says.");
      out().flush();
    }
    return ExitCodes.OK;
  }
}
