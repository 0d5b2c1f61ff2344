package org.civitas.cli.sensors;

import picocli.CommandLine.Command;

@Command(
    name = "sensors",
    description =
        "The sensor registry: what each sensor collects, why, where, and who answers for it.",
    subcommands = {
      RegisterSensorCommand.class,
      ListSensorsCommand.class,
      ShowSensorCommand.class,
      DecommissionSensorCommand.class
    })
public final class SensorsCommand {

  static final String PATH = "/api/v1/sensors";
}
