package org.civitas.kit.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civitas.contract.ContractJson;
import org.civitas.kit.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem+json, without saying why a token was refused beyond the basics. */
final class ProblemAuthenticationHandlers {

  static AuthenticationEntryPoint unauthorized() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Bearer");
      write(
          response,
          Problems.of(
              HttpStatus.UNAUTHORIZED,
              "unauthorized",
              "Authentication required",
              "A valid bearer token is required."));
    };
  }

  static AccessDeniedHandler forbidden() {
    return (request, response, e) ->
        write(
            response,
            Problems.of(
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Not allowed",
                "Your role does not allow this request."));
  }

  private static void write(HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType("application/problem+json");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    ContractJson.mapper().writeValue(response.getOutputStream(), body);
  }

  private ProblemAuthenticationHandlers() {}
}
