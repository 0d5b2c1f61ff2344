package org.civitas.gateway.bodylimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.civitas.gateway.problem.ProblemResponses;
import org.civitas.gateway.problem.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a declared length over the limit at once; a body without a declared length is counted
 * while it is forwarded, and the forwarding fails (answered 413 by the routes) once it is over.
 */
class BodyLimitFilter extends OncePerRequestFilter {

  private final long limit;

  BodyLimitFilter(BodyLimitSettings settings) {
    this.limit = settings.maxSize().toBytes();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      ProblemResponses.write(response, Problems.payloadTooLarge());
      return;
    }
    chain.doFilter(declared < 0 ? new CountingRequest(request, limit) : request, response);
  }
}
