package org.civitas.cli.retention;

import picocli.CommandLine.Command;

@Command(
    name = "retention",
    description = "Retention of stored readings.",
    subcommands = {SweepCommand.class})
public final class RetentionCommand {}
