package org.civitas.cli.retention;

import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.output.JsonView;
import org.civitas.cli.platform.PlatformResponse;
import picocli.CommandLine.Command;

@Command(
    name = "sweep",
    description =
        "Delete expired readings now (the sweep also runs on a schedule); audited with counts per"
            + " category. Readings under a legal hold are kept.")
final class SweepCommand extends PlatformCommand {

  @Override
  protected int run() {
    PlatformResponse response = platform().post("/api/v1/retention/sweeps");
    if (json()) {
      printRaw(response);
      return ExitCodes.OK;
    }
    out().println("Retention sweep done.");
    if (response.hasBody()) {
      JsonView.print(out(), response.json());
    }
    out().flush();
    return ExitCodes.OK;
  }
}
