package org.civitas.cli.holds;

import picocli.CommandLine.Command;

@Command(
    name = "holds",
    description = "Legal holds: held readings survive retention until the hold is released.",
    subcommands = {PlaceHoldCommand.class, ListHoldsCommand.class, ReleaseHoldCommand.class})
public final class HoldsCommand {

  static final String PATH = "/api/v1/legal-holds";
}
