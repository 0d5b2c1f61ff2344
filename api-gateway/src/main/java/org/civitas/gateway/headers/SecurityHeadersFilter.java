package org.civitas.gateway.headers;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.civitas.gateway.correlation.CorrelationId;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the security headers before anything else answers, so that refusals (401, 413, 429) carry
 * them too, and keeps services, the framework and the container from overriding or duplicating
 * them. The dashboard gets a policy that allows its own scripts and styles; APIs allow nothing.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

  /**
   * The dashboard's policy. Its scripts and styles come from its own origin only; besides its own
   * origin it may connect to the sign-in issuer, whose discovery document and token endpoint the
   * auditor view calls from the browser (authorization code with PKCE).
   */
  static String pagePolicy(String issuerOrigin) {
    return "default-src 'self';"
        + (issuerOrigin == null ? "" : " connect-src 'self' " + issuerOrigin + ";")
        + " img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
  }

  /** Swagger UI sets inline styles on its elements; nothing else is relaxed, and only on /docs. */
  static final String DOCS_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " script-src 'self'; frame-ancestors 'none'";

  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
  static final String HSTS = "max-age=31536000; includeSubDomains";

  private static final Set<String> ALWAYS_OWNED =
      owned(
          CorrelationId.HEADER,
          "X-Content-Type-Options",
          "X-Frame-Options",
          "Referrer-Policy",
          "Content-Security-Policy",
          "Strict-Transport-Security",
          HttpHeaders.SERVER,
          "X-Powered-By");

  /** On APIs caching is the gateway's call too: responses may hold data nobody should keep. */
  private static final Set<String> OWNED_ON_APIS =
      owned(
          Stream.concat(
                  ALWAYS_OWNED.stream(),
                  Stream.of(HttpHeaders.CACHE_CONTROL, HttpHeaders.PRAGMA, HttpHeaders.EXPIRES))
              .toArray(String[]::new));

  private final String pagePolicy;

  SecurityHeadersFilter(String pagePolicy) {
    this.pagePolicy = pagePolicy;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    boolean api = path.startsWith("/api/");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader(
        "Content-Security-Policy",
        isDashboard(path) ? pagePolicy : isDocs(path) ? DOCS_POLICY : API_POLICY);
    if (api) {
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
    if (request.isSecure()) {
      // only over TLS: a browser ignores HSTS on plain HTTP, and a promise we cannot keep locks
      // users out when a deployment runs without TLS
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    chain.doFilter(request, new OwnedHeadersResponse(response, api ? OWNED_ON_APIS : ALWAYS_OWNED));
  }

  private static boolean isDashboard(String path) {
    return path.equals("/transparency") || path.startsWith("/transparency/");
  }

  private static boolean isDocs(String path) {
    return path.equals("/docs") || path.startsWith("/docs/") || path.startsWith("/swagger-ui/");
  }

  private static Set<String> owned(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(Arrays.asList(names));
    return Collections.unmodifiableSet(set);
  }
}
