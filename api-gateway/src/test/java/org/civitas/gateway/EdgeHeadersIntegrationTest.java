package org.civitas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Correlation ids and security headers, which every response carries. */
class EdgeHeadersIntegrationTest extends GatewayIntegrationTestSupport {

  private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /** The page may also connect to the sign-in issuer, for the auditor's PKCE sign-in. */
  private static final String PAGE_POLICY =
      "default-src 'self'; connect-src 'self' "
          + URI.create(TestTokens.issuer()).resolve("/").toString().replaceAll("/$", "")
          + "; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";

  @Test
  void aCorrelationIdIsMadeWhenTheCallerSendsNone() throws Exception {
    HttpResponse<String> response = gateway.get("/api/v1/sensors", TestTokens.staff());

    String id = response.headers().firstValue("X-Correlation-Id").orElseThrow();
    assertThat(UUID.fromString(id)).isNotNull();
    assertThat(Upstreams.POLICY.take().headerValues("X-Correlation-Id")).containsExactly(id);
    assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly(id);
  }

  @Test
  void aSafeCorrelationIdIsForwardedAndEchoed() throws Exception {
    HttpResponse<String> response =
        gateway.send(
            gateway
                .request("/api/v1/sensors")
                .header("Authorization", "Bearer " + TestTokens.staff())
                .header("X-Correlation-Id", "vendor-batch_42.retry-1"));

    assertThat(response.headers().allValues("X-Correlation-Id"))
        .containsExactly("vendor-batch_42.retry-1");
    assertThat(Upstreams.POLICY.take().headerValues("X-Correlation-Id"))
        .containsExactly("vendor-batch_42.retry-1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "id with spaces",
        "<script>alert(1)</script>",
        "id;drop",
        "a-correlation-id-that-is-far-too-long-to-be-accepted-by-the-gateway-0123456789"
      })
  void anUnsafeCorrelationIdIsReplacedBeforeItReachesAnyLog(String unsafe) throws Exception {
    HttpResponse<String> response =
        gateway.send(
            gateway
                .request("/api/v1/sensors")
                .header("Authorization", "Bearer " + TestTokens.staff())
                .header("X-Correlation-Id", unsafe));

    String id = response.headers().firstValue("X-Correlation-Id").orElseThrow();
    assertThat(id).isNotEqualTo(unsafe);
    assertThat(UUID.fromString(id)).isNotNull();
    assertThat(Upstreams.POLICY.take().headerValues("X-Correlation-Id")).containsExactly(id);
  }

  @Test
  void refusalsCarryTheCorrelationIdToo() {
    HttpResponse<String> response =
        gateway.send(gateway.request("/api/v1/sensors").header("X-Correlation-Id", "refused-1"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("refused-1");
  }

  @Test
  void apiResponsesCarryTheSecurityHeadersWhateverTheServiceSent() throws Exception {
    HttpHeaders headers = gateway.get("/api/v1/sensors", TestTokens.staff()).headers();

    assertApiSecurityHeaders(headers);
    assertThat(headers.firstValue("X-Upstream")).hasValue("policy-service");
    assertThat(headers.firstValue("Server")).isEmpty();
    assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
    Upstreams.POLICY.take();
  }

  @Test
  void refusalsAndMissesCarryTheSecurityHeaders() {
    assertApiSecurityHeaders(gateway.get("/api/v1/sensors").headers());
    assertApiSecurityHeaders(gateway.get("/api/v1/missing", TestTokens.staff()).headers());
    HttpHeaders notFound = gateway.get("/missing").headers();
    assertThat(notFound.allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(notFound.allValues("Content-Security-Policy")).containsExactly(API_POLICY);
  }

  @Test
  void theDashboardMayLoadItsOwnScriptsAndStylesOnly() throws Exception {
    HttpHeaders headers = gateway.get("/transparency").headers();

    assertThat(headers.allValues("Content-Security-Policy")).containsExactly(PAGE_POLICY);
    assertThat(headers.allValues("X-Frame-Options")).containsExactly("DENY");
    assertThat(headers.allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(headers.allValues("Referrer-Policy")).containsExactly("no-referrer");
    // the page's caching is the audit service's call; only API answers are never stored
    assertThat(headers.allValues("Cache-Control")).containsExactly("max-age=3600");
    assertThat(headers.firstValue("Server")).isEmpty();
    Upstreams.AUDIT.take();
  }

  private static void assertApiSecurityHeaders(HttpHeaders headers) {
    assertThat(headers.allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(headers.allValues("X-Frame-Options")).containsExactly("DENY");
    assertThat(headers.allValues("Referrer-Policy")).containsExactly("no-referrer");
    assertThat(headers.allValues("Content-Security-Policy")).containsExactly(API_POLICY);
    assertThat(headers.allValues("Cache-Control")).containsExactly("no-store");
    assertThat(headers.firstValue("X-Correlation-Id")).isPresent();
  }
}
