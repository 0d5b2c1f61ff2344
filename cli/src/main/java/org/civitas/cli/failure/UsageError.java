package org.civitas.cli.failure;

/**
 * An argument that picocli accepted but the command cannot use (a malformed time, an inverted
 * range, options that exclude each other). Found before anything is sent.
 */
public class UsageError extends CliFailure {

  public UsageError(String message) {
    super(ExitCodes.USAGE, message);
  }
}
