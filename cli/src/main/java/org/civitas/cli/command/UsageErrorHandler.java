package org.civitas.cli.command;

import java.io.PrintWriter;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.output.Text;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line picocli could not parse: the problem, close matches for a mistyped option
 * or command, and where to find help; not the whole usage text, which buries the message.
 */
public final class UsageErrorHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException failure, String[] args) {
    CommandLine commandLine = failure.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("Error: " + Text.oneLine(failure.getMessage()));
    UnmatchedArgumentException.printSuggestions(failure, err);
    err.println(tryHelp(commandLine));
    err.flush();
    return ExitCodes.USAGE;
  }

  static String tryHelp(CommandLine commandLine) {
    return "Try '"
        + commandLine.getCommandSpec().qualifiedName()
        + " --help' for more information.";
  }
}
