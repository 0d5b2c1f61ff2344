package org.civitas.cli.command;

import java.util.Optional;

/** What subcommands need from the root command: the environment and the global options. */
public interface CliRoot {

  CliEnvironment environment();

  /** {@code --url}, when given on the command line. */
  Optional<String> url();

  /** {@code --json}: print the platform's JSON answer as it came, for scripts. */
  boolean json();
}
