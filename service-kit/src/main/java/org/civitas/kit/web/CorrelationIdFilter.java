package org.civitas.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the gateway's correlation id (or makes one), exposes it to logs and audit events, and
 * echoes it in the response. Ids that are not short tokens are replaced, so that a caller cannot
 * smuggle arbitrary text into logs.
 */
class CorrelationIdFilter extends OncePerRequestFilter {

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = request.getHeader(CorrelationId.HEADER);
    if (id == null || !SAFE_ID.matcher(id).matches()) {
      id = UUID.randomUUID().toString();
    }
    MDC.put(CorrelationId.MDC_KEY, id);
    response.setHeader(CorrelationId.HEADER, id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(CorrelationId.MDC_KEY);
    }
  }
}
