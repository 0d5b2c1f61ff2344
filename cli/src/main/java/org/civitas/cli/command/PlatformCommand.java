package org.civitas.cli.command;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.civitas.cli.failure.UsageError;
import org.civitas.cli.output.ProgressBar;
import org.civitas.cli.platform.PlatformClient;
import org.civitas.cli.platform.PlatformResponse;
import org.civitas.cli.session.CachedToken;
import org.civitas.cli.session.TokenCache;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every command that does something. Command logic returns an exit code or throws; it never
 * exits the process. Arguments are checked before the token is looked at, so a usage error is
 * reported as such even when not logged in.
 */
public abstract class PlatformCommand implements Callable<Integer> {

  @Spec protected CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    try {
      return run();
    } catch (Exception e) {
      CommandLine commandLine = spec.commandLine();
      if (commandLine.getExecutionExceptionHandler() instanceof FailureHandler) {
        throw e;
      }
      // Run without CivitasCli.commandLine(...): report the same way as the configured tool.
      return FailureHandler.report(e, commandLine);
    }
  }

  /** The command's work; returns the exit code. */
  protected abstract int run() throws Exception;

  protected CliRoot root() {
    return (CliRoot) spec.root().userObject();
  }

  protected CliEnvironment environment() {
    return root().environment();
  }

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  protected boolean json() {
    return root().json();
  }

  /** {@code --url}, else {@code $CIVITAS_URL}, else {@code http://localhost:8080}. */
  protected String baseUrl() {
    String url =
        root()
            .url()
            .or(() -> environment().variable(CliEnvironment.URL_VARIABLE))
            .orElse(CliEnvironment.DEFAULT_URL);
    if (!isHttpAddress(url)) {
      throw new UsageError(
          "--url: '" + url + "' is not an http(s) address such as " + CliEnvironment.DEFAULT_URL);
    }
    return url;
  }

  protected TokenCache tokens() {
    return new TokenCache(environment().configDir());
  }

  /** A client that sends the cached token; fails with exit 5 when there is no valid one. */
  protected PlatformClient platform() {
    String url = baseUrl();
    CachedToken token = tokens().requireValid(environment().clock().instant());
    return new PlatformClient(environment().http(), url, token.accessToken(), userAgent());
  }

  /**
   * A client for public endpoints: it sends the cached token when there is a valid one (an auditor
   * may see more), and nothing otherwise.
   */
  protected PlatformClient publicPlatform() {
    String url = baseUrl();
    String token =
        tokens()
            .validToken(environment().clock().instant())
            .map(CachedToken::accessToken)
            .orElse(null);
    return new PlatformClient(environment().http(), url, token, userAgent());
  }

  /** A client that never sends a token, for endpoints that are public by contract. */
  protected PlatformClient anonymousPlatform() {
    return new PlatformClient(environment().http(), baseUrl(), null, userAgent());
  }

  /** {@code --json}: the body exactly as the platform sent it. */
  protected void printRaw(PlatformResponse response) {
    if (response.hasBody()) {
      out().println(response.body().strip());
    }
    out().flush();
  }

  protected Instant instant(String option, String value) {
    return TimeArguments.instant(option, value, environment().clock());
  }

  /** A progress bar on stderr, drawn only when a person watches a terminal. */
  protected ProgressBar progress(String label, String unit) {
    return ProgressBar.create(err(), environment().terminal().interactive(), label, unit);
  }

  private static boolean isHttpAddress(String url) {
    try {
      URI uri = new URI(url);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null
          && uri.getQuery() == null
          && uri.getFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String userAgent() {
    return "civitas-cli/" + VersionProvider.version();
  }
}
