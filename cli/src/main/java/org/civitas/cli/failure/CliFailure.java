package org.civitas.cli.failure;

import java.util.List;

/**
 * A command could not do its job. Printed as {@code Error: <message>} followed by the detail lines,
 * without a stack trace; the process ends with {@link #exitCode()}.
 */
public class CliFailure extends RuntimeException {

  private final int exitCode;
  private final List<String> details;

  public CliFailure(int exitCode, String message) {
    this(exitCode, message, List.of(), null);
  }

  public CliFailure(int exitCode, String message, List<String> details) {
    this(exitCode, message, details, null);
  }

  public CliFailure(int exitCode, String message, List<String> details, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.details = List.copyOf(details);
  }

  public int exitCode() {
    return exitCode;
  }

  /** Further lines, already indented, printed after the message. */
  public List<String> details() {
    return details;
  }
}
