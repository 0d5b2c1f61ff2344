package org.civitas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One Swagger UI at /docs over the services' own OpenAPI documents, readable without a token. */
class ApiDocsIntegrationTest extends GatewayIntegrationTestSupport {

  private static final String DOCS_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " script-src 'self'; frame-ancestors 'none'";

  @ParameterizedTest
  @CsvSource({"ingest,ingest-service", "policy,policy-service", "audit,audit-service"})
  void eachServicesDocumentIsRoutedToItsOwnApiDocs(String name, String service) throws Exception {
    HttpResponse<String> response = gateway.get("/v3/api-docs/" + name);

    assertThat(response.statusCode()).isEqualTo(200);
    RecordingUpstream.Received received = Upstreams.named(service).take();
    assertThat(received.method()).isEqualTo("GET");
    assertThat(received.path()).isEqualTo("/v3/api-docs");
  }

  @Test
  void swaggerUiListsEveryServiceAndIsServedWithItsOwnRelaxedStylePolicy() {
    HttpResponse<String> config = gateway.get("/internal/gateway-api-docs/swagger-config");

    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body())
        .contains("/v3/api-docs/ingest", "/v3/api-docs/policy", "/v3/api-docs/audit");

    HttpResponse<String> page = gateway.get("/swagger-ui/index.html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().allValues("Content-Security-Policy")).containsExactly(DOCS_POLICY);
    assertThat(gateway.get("/docs").statusCode()).isIn(200, 302);
  }

  @Test
  void apisKeepTheStrictPolicy() {
    HttpResponse<String> response = gateway.get("/api/v1/public/registry");

    assertThat(response.headers().allValues("Content-Security-Policy"))
        .containsExactly("default-src 'none'; frame-ancestors 'none'");
  }
}
