package org.civitas.gateway.security;

import org.civitas.gateway.problem.ProblemResponses;
import org.civitas.gateway.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json. A refused token is reported as invalid (RFC 6750 §3.1) without
 * saying why: expired, badly signed and foreign tokens look the same to the caller.
 */
final class ProblemAuthenticationHandlers {

  static AuthenticationEntryPoint unauthorized() {
    return (request, response, e) -> {
      response.setHeader(
          HttpHeaders.WWW_AUTHENTICATE,
          e instanceof InvalidBearerTokenException ? "Bearer error=\"invalid_token\"" : "Bearer");
      ProblemResponses.write(response, Problems.unauthorized());
    };
  }

  static AccessDeniedHandler forbidden() {
    return (request, response, e) ->
        ProblemResponses.write(response, Problems.forStatus(HttpStatus.FORBIDDEN));
  }

  private ProblemAuthenticationHandlers() {}
}
