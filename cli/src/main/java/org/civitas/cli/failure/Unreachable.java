package org.civitas.cli.failure;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;

/** The platform could not be talked to at all: nothing listens, the name is unknown, no answer. */
public class Unreachable extends CliFailure {

  public Unreachable(String message, Throwable cause) {
    super(ExitCodes.UNAVAILABLE, message, List.of(), cause);
  }

  /** The message for a failure to talk to {@code where}, judged from the exception's causes. */
  public static Unreachable of(String where, Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpConnectTimeoutException) {
        return new Unreachable("cannot reach " + where + ": connection timed out", failure);
      }
      if (cause instanceof HttpTimeoutException) {
        return new Unreachable("no answer from " + where + " in time", failure);
      }
      if (cause instanceof ConnectException
          || cause instanceof UnknownHostException
          || cause instanceof UnresolvedAddressException) {
        return new Unreachable("cannot reach " + where + ": is the platform running?", failure);
      }
    }
    return new Unreachable(
        "cannot talk to " + where + ": " + failure.getClass().getSimpleName(), failure);
  }

  /** Whether the failure (or one of its causes) is one {@link #of} recognises as unreachable. */
  public static boolean isConnectionFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException
          || cause instanceof UnknownHostException
          || cause instanceof UnresolvedAddressException
          || cause instanceof HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
