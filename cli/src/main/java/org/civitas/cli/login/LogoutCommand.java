package org.civitas.cli.login;

import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.ExitCodes;
import picocli.CommandLine.Command;

@Command(name = "logout", description = "Delete the cached token.")
public final class LogoutCommand extends PlatformCommand {

  @Override
  protected int run() {
    if (tokens().delete()) {
      out().println("Logged out: removed " + tokens().file() + ".");
    } else {
      out().println("Not logged in: there was no cached token.");
    }
    out().flush();
    return ExitCodes.OK;
  }
}
