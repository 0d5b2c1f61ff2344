package org.civitas.cli.sensors;

import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.output.Text;
import org.civitas.cli.platform.PlatformClient;
import org.civitas.cli.platform.PlatformResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "decommission",
    description = "Decommission a sensor: the platform accepts no further readings from it.")
final class DecommissionSensorCommand extends PlatformCommand {

  @Parameters(paramLabel = "SENSOR_ID", description = "The sensor's id.")
  String sensorId;

  @Override
  protected int run() {
    PlatformResponse response =
        platform().delete(SensorsCommand.PATH + "/" + PlatformClient.segment(sensorId));
    if (json()) {
      printRaw(response);
    } else {
      out()
          .println(
              "Decommissioned sensor "
                  + Text.oneLine(sensorId)
                  + ": no further readings are accepted from it.");
      out().flush();
    }
    return ExitCodes.OK;
  }
}
