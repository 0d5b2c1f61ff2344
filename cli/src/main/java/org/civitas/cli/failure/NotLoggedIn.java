package org.civitas.cli.failure;

import java.util.List;

/** There is no usable token: never logged in, logged out, expired, or refused by the platform. */
public class NotLoggedIn extends CliFailure {

  public static final String HINT = "  run 'civitas login --client-id <id>' to get a new token";

  public NotLoggedIn(String message) {
    super(ExitCodes.NOT_LOGGED_IN, message, List.of(HINT));
  }

  public NotLoggedIn(String message, List<String> details) {
    super(ExitCodes.NOT_LOGGED_IN, message, details);
  }
}
