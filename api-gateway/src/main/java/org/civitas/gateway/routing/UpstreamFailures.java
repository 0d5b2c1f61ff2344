package org.civitas.gateway.routing;

import java.io.IOException;
import org.civitas.gateway.bodylimit.BodyLimit;
import org.civitas.gateway.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Says what went wrong when a request could not be forwarded: the caller's body was too large
 * (413), or the service could not be reached or did not answer in time (503, retry later). Which
 * host, port or exception was involved is logged, never answered.
 */
final class UpstreamFailures implements HandlerFilterFunction<ServerResponse, ServerResponse> {

  private static final Logger log = LoggerFactory.getLogger(UpstreamFailures.class);

  private final String service;

  UpstreamFailures(String service) {
    this.service = service;
  }

  @Override
  public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next)
      throws Exception {
    try {
      return next.handle(request);
    } catch (Exception e) {
      if (BodyLimit.wasExceeded(request.servletRequest())) {
        return ServerResponse.status(HttpStatus.CONTENT_TOO_LARGE)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(Problems.payloadTooLarge());
      }
      if (e instanceof ResourceAccessException || hasIoCause(e)) {
        log.warn("{} unavailable: {}", service, e.getClass().getSimpleName());
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, "5")
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(
                Problems.of(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "service-unavailable",
                    "Service unavailable",
                    "The service behind this path is not reachable right now. Retry later."));
      }
      throw e;
    }
  }

  private static boolean hasIoCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
