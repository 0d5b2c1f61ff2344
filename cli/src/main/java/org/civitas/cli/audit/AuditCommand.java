package org.civitas.cli.audit;

import picocli.CommandLine.Command;

@Command(
    name = "audit",
    description = "The tamper-evident audit log: signed tree head, events, verification.",
    subcommands = {TreeHeadCommand.class, EventsCommand.class, VerifyCommand.class})
public final class AuditCommand {

  static final String PATH = "/api/v1/audit";
}
