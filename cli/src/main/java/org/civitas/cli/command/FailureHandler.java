package org.civitas.cli.command;

import java.io.PrintWriter;
import org.civitas.cli.failure.CliFailure;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.Unreachable;
import org.civitas.cli.failure.UsageError;
import org.civitas.cli.output.Text;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns whatever a command throws into a message on stderr and an exit code (see {@link
 * ExitCodes}). No stack traces, except for unexpected errors when {@code CIVITAS_DEBUG} is set.
 */
public final class FailureHandler implements IExecutionExceptionHandler {

  public static final String DEBUG_VARIABLE = "CIVITAS_DEBUG";

  @Override
  public int handleExecutionException(
      Exception failure, CommandLine commandLine, ParseResult parseResult) {
    return report(failure, commandLine);
  }

  /** Prints the failure for people and returns the exit code it maps to. */
  public static int report(Throwable failure, CommandLine commandLine) {
    PrintWriter err = commandLine.getErr();
    int exitCode = exitCode(failure);
    if (failure instanceof ParameterException || failure instanceof UsageError) {
      err.println("Error: " + Text.oneLine(failure.getMessage()));
      err.println(UsageErrorHandler.tryHelp(commandLine));
    } else if (failure instanceof CliFailure cliFailure) {
      err.println("Error: " + Text.oneLine(cliFailure.getMessage()));
      cliFailure.details().forEach(err::println);
    } else if (Unreachable.isConnectionFailure(failure)) {
      err.println("Error: " + Unreachable.of("the platform", failure).getMessage());
    } else {
      err.println(
          "Error: unexpected "
              + failure.getClass().getSimpleName()
              + (failure.getMessage() == null ? "" : ": " + Text.oneLine(failure.getMessage())));
      if (debug(commandLine)) {
        failure.printStackTrace(err);
      } else {
        err.println("  set " + DEBUG_VARIABLE + "=1 to see the stack trace");
      }
    }
    err.flush();
    return exitCode;
  }

  /** The exit code a failure maps to. */
  public static int exitCode(Throwable failure) {
    if (failure instanceof ParameterException) {
      return ExitCodes.USAGE;
    }
    if (failure instanceof CliFailure cliFailure) {
      return cliFailure.exitCode();
    }
    if (Unreachable.isConnectionFailure(failure)) {
      return ExitCodes.UNAVAILABLE;
    }
    return ExitCodes.REFUSED;
  }

  private static boolean debug(CommandLine commandLine) {
    Object root = commandLine.getCommandSpec().root().userObject();
    return root instanceof CliRoot cliRoot
        && cliRoot.environment().variable(DEBUG_VARIABLE).isPresent();
  }
}
