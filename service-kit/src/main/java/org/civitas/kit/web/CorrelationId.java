package org.civitas.kit.web;

import org.slf4j.MDC;

/** The correlation id of the request being served, carried in the logging context. */
public final class CorrelationId {

  public static final String HEADER = "X-Correlation-Id";
  public static final String MDC_KEY = "correlationId";

  public static String current() {
    return MDC.get(MDC_KEY);
  }

  private CorrelationId() {}
}
