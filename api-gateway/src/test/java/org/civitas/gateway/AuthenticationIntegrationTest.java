package org.civitas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.civitas.contract.Roles;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class AuthenticationIntegrationTest extends GatewayIntegrationTestSupport {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "POST,   /api/v1/ingest/readings",
    "GET,    /api/v1/data/readings",
    "GET,    /api/v1/policies/active",
    "GET,    /api/v1/sensors",
    "GET,    /api/v1/legal-holds",
    "POST,   /api/v1/retention/sweeps",
    "GET,    /api/v1/audit/events",
    "GET,    /api/v1/audit/proofs/inclusion",
    "POST,   /api/v1/public/registry",
    "DELETE, /api/v1/audit/tree-head",
    "POST,   /transparency",
    "GET,    /api/v1/not-a-route"
  })
  void requestsWithoutTokenAreRefusedWith401Problem(String method, String path) {
    HttpResponse<String> response =
        gateway.send(gateway.request(path).method(method, BodyPublishers.noBody()));

    assertUnauthorized(response);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }

  @Test
  void expiredTokensAreRefused() {
    HttpResponse<String> response =
        gateway.get("/api/v1/data/readings", TestTokens.expired("city-it", Roles.STAFF));

    assertUnauthorized(response);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer");
  }

  @Test
  void tokensWithTamperedSignatureAreRefused() {
    String[] parts = TestTokens.staff().split("\\.");
    char[] signature = parts[2].toCharArray();
    int middle = signature.length / 2;
    signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
    String tampered = parts[0] + "." + parts[1] + "." + new String(signature);

    assertUnauthorized(gateway.get("/api/v1/data/readings", tampered));
  }

  @Test
  void tokensWithTamperedClaimsAreRefused() {
    String[] auditor = TestTokens.auditor().split("\\.");
    String[] staff = TestTokens.staff().split("\\.");
    // the auditor's claims under the signature made for the staff member's claims
    String forged = staff[0] + "." + auditor[1] + "." + staff[2];

    assertUnauthorized(gateway.get("/api/v1/audit/events", forged));
  }

  @Test
  void malformedTokensAreRefused() {
    assertUnauthorized(gateway.get("/api/v1/data/readings", "not-a-jwt"));
  }

  @Test
  void validTokensOfAnyRoleAreForwardedForTheServiceToJudge() throws Exception {
    HttpResponse<String> response = gateway.get("/api/v1/audit/events", TestTokens.vendor("acme"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Upstreams.AUDIT.take().header("Authorization")).startsWith("Bearer ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/transparency",
        "/transparency/assets/app.js",
        "/api/v1/transparency/report?from=2026-11-01T00:00:00Z&to=2026-11-26T00:00:00Z",
        "/api/v1/public/registry",
        "/api/v1/audit/tree-head",
        "/api/v1/audit/tree-heads?from=1&to=2",
        "/api/v1/audit/public-key"
      })
  void publicPathsAreServedWithoutToken(String path) throws Exception {
    HttpResponse<String> response = gateway.get(path);

    assertThat(response.statusCode()).isEqualTo(200);
    RecordingUpstream.Received received =
        Upstreams.named(GatewayClient.json(response).get("upstream").asString()).take();
    assertThat(received.header("Authorization")).isNull();
  }

  @Test
  void healthIsOpenAndAnsweredByTheGatewayItself() {
    HttpResponse<String> response = gateway.get("/actuator/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(GatewayClient.json(response).get("status").asString()).isEqualTo("UP");
    assertThat(Upstreams.all()).allMatch(RecordingUpstream::receivedNothing);
  }

  private static void assertUnauthorized(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    JsonNode problem = GatewayClient.json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(401);
    assertThat(problem.get("type").asString())
        .isEqualTo("https://civitas.city/problems/unauthorized");
    assertThat(problem.has("title")).isTrue();
    assertThat(problem.has("detail")).isTrue();
    assertThat(Upstreams.all()).allMatch(RecordingUpstream::receivedNothing);
  }
}
