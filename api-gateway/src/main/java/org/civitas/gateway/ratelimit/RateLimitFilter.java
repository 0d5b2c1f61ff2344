package org.civitas.gateway.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.civitas.gateway.problem.ProblemResponses;
import org.civitas.gateway.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after authentication, so that a client is counted by its token subject wherever it comes
 * from, and anonymous callers by their address.
 */
class RateLimitFilter extends OncePerRequestFilter {

  private final RateLimiter limiter;

  RateLimitFilter(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // orchestrators probe health often and from one address; they must never be throttled
    return request.getRequestURI().startsWith("/actuator/health");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    Duration wait =
        caller != null
                && caller.isAuthenticated()
                && !(caller instanceof AnonymousAuthenticationToken)
            ? limiter.acquireForSubject(caller.getName())
            : limiter.acquireForAddress(request.getRemoteAddr());
    if (wait.isZero()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    ProblemResponses.write(
        response,
        Problems.of(
            HttpStatus.TOO_MANY_REQUESTS,
            "rate-limited",
            "Too many requests",
            "The request rate limit was exceeded. Retry after " + seconds + " seconds."));
  }
}
