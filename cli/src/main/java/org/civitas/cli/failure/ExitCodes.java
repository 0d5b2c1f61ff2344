package org.civitas.cli.failure;

/**
 * The process exit codes of {@code civitas}, stable for scripts. {@link #FOOTER} is the help text
 * that documents them.
 */
public final class ExitCodes {

  public static final int OK = 0;

  /** The platform refused the request (a 4xx answer other than 401). */
  public static final int REFUSED = 1;

  /** The command line is wrong: unknown option, missing or malformed argument. */
  public static final int USAGE = 2;

  /** The feature is not available in this build, for example the log verifier. */
  public static final int NOT_AVAILABLE = 3;

  /** The platform cannot be reached or failed (5xx, connection refused, timeout). */
  public static final int UNAVAILABLE = 4;

  /** No cached token, or it expired, or the platform no longer accepts it (401). */
  public static final int NOT_LOGGED_IN = 5;

  /** The audit log does not match its signed tree head. */
  public static final int VERIFICATION_FAILED = 6;

  public static final String FOOTER =
      "%nExit codes:%n"
          + "  0  ok%n"
          + "  1  request refused by the platform (4xx other than 401)%n"
          + "  2  usage error (unknown option, missing or malformed argument)%n"
          + "  3  not available in this build (e.g. the audit log verifier)%n"
          + "  4  platform unavailable (5xx, connection refused, timeout)%n"
          + "  5  not logged in, token expired or no longer accepted (401)%n"
          + "  6  audit log verification failed%n"
          + "%nEnvironment: CIVITAS_URL (gateway, default http://localhost:8080),"
          + " CIVITAS_CONFIG_DIR (token cache, default ~/.config/civitas),"
          + " CIVITAS_CLIENT_ID, CIVITAS_CLIENT_SECRET, CIVITAS_TOKEN_URL,"
          + " CIVITAS_DEBUG=1 (stack traces on unexpected errors).";

  private ExitCodes() {}
}
