package org.civitas.gateway.correlation;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of a request. Only short tokens are accepted from callers, so that nobody can
 * smuggle arbitrary text into the logs of every service behind the gateway.
 */
public final class CorrelationId {

  public static final String HEADER = "X-Correlation-Id";

  static final String MDC_KEY = "correlationId";
  static final String ATTRIBUTE = CorrelationId.class.getName();

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** The id assigned to this request by the gateway, or null before the filter has run. */
  public static String of(HttpServletRequest request) {
    return (String) request.getAttribute(ATTRIBUTE);
  }

  static String acceptOrGenerate(String offered) {
    return offered != null && SAFE_ID.matcher(offered).matches()
        ? offered
        : UUID.randomUUID().toString();
  }

  private CorrelationId() {}
}
