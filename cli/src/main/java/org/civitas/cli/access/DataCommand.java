package org.civitas.cli.access;

import picocli.CommandLine.Command;

@Command(
    name = "data",
    description = {
      "Read governed data. Every request declares a purpose; the active policy decides what it"
          + " may see, and every request is recorded in the audit log."
    },
    subcommands = {QueryCommand.class, AggregateCommand.class, ExportCommand.class})
public final class DataCommand {

  static final String PATH = "/api/v1/data";
}
