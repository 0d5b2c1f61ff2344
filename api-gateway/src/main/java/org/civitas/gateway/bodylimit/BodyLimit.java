package org.civitas.gateway.bodylimit;

import jakarta.servlet.ServletRequest;
import java.io.IOException;

/** Whether a streamed request body ran over the limit while it was being forwarded. */
public final class BodyLimit {

  static final String EXCEEDED = BodyLimit.class.getName() + ".exceeded";

  /**
   * True when forwarding failed because the body was too large, so the failure is the caller's
   * (413) and not the service's.
   */
  public static boolean wasExceeded(ServletRequest request) {
    return request.getAttribute(EXCEEDED) != null;
  }

  /** Thrown into the forwarding client when a streamed body passes the limit. */
  static final class ExceededException extends IOException {
    ExceededException() {
      super("request body exceeds the limit");
    }
  }

  private BodyLimit() {}
}
