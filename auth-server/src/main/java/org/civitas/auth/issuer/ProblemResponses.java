package org.civitas.auth.issuer;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civitas.contract.ContractJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 outside the OAuth2 protocol endpoints as RFC 9457 problem+json (CONTRACT §3). The
 * protocol endpoints themselves answer with RFC 6749 error objects, which OAuth2 clients expect.
 */
final class ProblemResponses {

  private static final String TYPE_BASE = "https://civitas.city/problems/";

  static AuthenticationEntryPoint unauthorized() {
    return (request, response, e) ->
        write(
            response,
            HttpStatus.UNAUTHORIZED,
            "unauthorized",
            "Authentication required",
            "Sign in or obtain a token at /oauth2/token.");
  }

  static AccessDeniedHandler forbidden() {
    return (request, response, e) ->
        write(
            response,
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Not allowed",
            "This request is not allowed.");
  }

  private static void write(
      HttpServletResponse response, HttpStatus status, String type, String title, String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", TYPE_BASE + type);
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    ContractJson.mapper().writeValue(response.getOutputStream(), problem);
  }

  private ProblemResponses() {}
}
