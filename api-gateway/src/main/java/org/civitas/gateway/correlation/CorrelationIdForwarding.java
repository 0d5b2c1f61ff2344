package org.civitas.gateway.correlation;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Replaces whatever correlation header the caller sent with the id the gateway accepted, so that
 * the services log and audit under the same id the caller sees.
 */
class CorrelationIdForwarding implements RequestHttpHeadersFilter {

  @Override
  public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
    String id = CorrelationId.of(request.servletRequest());
    if (id == null) {
      return input;
    }
    HttpHeaders forwarded = HttpHeaders.copyOf(input);
    forwarded.set(CorrelationId.HEADER, id);
    return forwarded;
  }
}
