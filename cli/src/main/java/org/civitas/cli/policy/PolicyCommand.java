package org.civitas.cli.policy;

import picocli.CommandLine.Command;

@Command(
    name = "policy",
    description = "The versioned policy: retention, residency, minimization and access rules.",
    subcommands = {
      ShowPolicyCommand.class,
      PolicyVersionsCommand.class,
      DryRunPolicyCommand.class,
      PublishPolicyCommand.class
    })
public final class PolicyCommand {

  static final String PATH = "/api/v1/policies";
}
