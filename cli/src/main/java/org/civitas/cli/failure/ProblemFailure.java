package org.civitas.cli.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civitas.cli.output.Text;

/**
 * The platform answered with an error status. 401 means the token is no longer good (exit 5), other
 * 4xx that the platform refused the request (exit 1), 5xx that it is unavailable (exit 4).
 */
public class ProblemFailure extends CliFailure {

  private final Problem problem;

  public ProblemFailure(
      Problem problem, Optional<String> retryAfter, Optional<String> correlation) {
    super(
        exitCodeFor(problem.status()),
        problem.headline(),
        details(problem, retryAfter, correlation));
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  /** The exit code for an HTTP error status. */
  public static int exitCodeFor(int status) {
    if (status == 401) {
      return ExitCodes.NOT_LOGGED_IN;
    }
    if (status >= 400 && status < 500) {
      return ExitCodes.REFUSED;
    }
    return ExitCodes.UNAVAILABLE;
  }

  private static List<String> details(
      Problem problem, Optional<String> retryAfter, Optional<String> correlation) {
    List<String> lines = new ArrayList<>(problem.detailLines());
    retryAfter.ifPresent(
        seconds -> lines.add("  retry after " + Text.oneLine(seconds) + " seconds"));
    correlation.ifPresent(id -> lines.add("  correlation id: " + Text.oneLine(id)));
    if (problem.status() == 401) {
      lines.add(NotLoggedIn.HINT);
    }
    return lines;
  }
}
