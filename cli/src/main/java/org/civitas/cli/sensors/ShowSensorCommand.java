package org.civitas.cli.sensors;

import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.output.JsonView;
import org.civitas.cli.platform.PlatformClient;
import org.civitas.cli.platform.PlatformResponse;
import org.civitas.cli.platform.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Show one sensor's registration.")
final class ShowSensorCommand extends PlatformCommand {

  @Parameters(paramLabel = "SENSOR_ID", description = "The sensor's id.")
  String sensorId;

  @Override
  protected int run() {
    PlatformResponse response =
        platform().get(SensorsCommand.PATH + "/" + PlatformClient.segment(sensorId), Query.of());
    if (json()) {
      printRaw(response);
    } else {
      JsonView.print(out(), response.json());
      out().flush();
    }
    return ExitCodes.OK;
  }
}
