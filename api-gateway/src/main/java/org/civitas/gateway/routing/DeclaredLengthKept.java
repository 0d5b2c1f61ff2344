package org.civitas.gateway.routing;

import org.springframework.cloud.gateway.server.mvc.filter.RemoveContentLengthRequestHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Replaces the gateway's default filter that drops every request's {@code Content-Length}. The
 * length is only wrong when the gateway rewrites the body, which it does for form bodies alone
 * (re-encoded from the parsed parameters); every other body is forwarded byte for byte, and without
 * its length each ingest batch was streamed to the service chunk by chunk through a writer thread
 * instead of being sent from one array ({@link ForwardingRequestFactory}).
 */
final class DeclaredLengthKept extends RemoveContentLengthRequestHeadersFilter {

  @Override
  public HttpHeaders apply(HttpHeaders input, ServerRequest serverRequest) {
    MediaType type = input.getContentType();
    if (type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
      return super.apply(input, serverRequest);
    }
    return input;
  }
}
