package org.civitas.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class TokenEndpointIntegrationTest {

  // Deliberately not the server's own address: "iss" must be the configured string, whatever
  // host the request came in on.
  static final String ISSUER = "http://auth.civitas.test:9000";

  @TempDir static Path keyDirectory;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("civitas.auth.key-file", () -> keyDirectory.resolve("signing-key.json"));
    registry.add("spring.security.oauth2.authorizationserver.issuer", () -> ISSUER);
  }

  @LocalServerPort int port;

  AuthServerClient client;

  @BeforeEach
  void connect() {
    client = new AuthServerClient(port);
  }

  @Test
  void clientCredentialsTokenCarriesRolesVendorAndOrganization() throws Exception {
    HttpResponse<String> response =
        client.clientCredentialsBasic("vendor-acme", "vendor-acme-secret");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = AuthServerClient.json(response);
    assertThat(body.get("token_type").asString()).isEqualToIgnoringCase("Bearer");
    assertThat(body.get("expires_in").asLong()).isPositive().isLessThanOrEqualTo(15 * 60);
    String token = body.get("access_token").asString();

    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.getHeader().getKeyID()).isNotBlank();

    JWTClaimsSet claims = client.verify(token, ISSUER);
    assertThat(claims.getIssuer()).isEqualTo(ISSUER);
    assertThat(claims.getSubject()).isEqualTo("vendor-acme");
    assertThat(claims.getStringListClaim("roles")).containsExactly("VENDOR");
    assertThat(claims.getStringClaim("vendor_id")).isEqualTo("acme");
    assertThat(claims.getStringClaim("organization")).isEqualTo("Acme Sensors Inc.");
    assertThat(claims.getStringListClaim("scope")).containsExactly("civitas");
    Instant issuedAt = claims.getIssueTime().toInstant();
    Instant expiresAt = claims.getExpirationTime().toInstant();
    assertThat(expiresAt).isAfter(Instant.now());
    assertThat(Duration.between(issuedAt, expiresAt))
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void clientSecretPostIsAcceptedAndNonVendorsCarryNoVendorId() throws Exception {
    HttpResponse<String> response = client.clientCredentialsPost("city-it", "city-it-secret");

    assertThat(response.statusCode()).isEqualTo(200);
    JWTClaimsSet claims =
        client.verify(AuthServerClient.json(response).get("access_token").asString(), ISSUER);
    assertThat(claims.getSubject()).isEqualTo("city-it");
    assertThat(claims.getStringListClaim("roles")).containsExactly("STAFF");
    assertThat(claims.getStringClaim("organization")).isEqualTo("City IT");
    assertThat(claims.getClaims()).doesNotContainKey("vendor_id");
  }

  @Test
  void everyDemoClientGetsItsRole() throws Exception {
    assertRole("vendor-globex", "VENDOR", "Globex Mobility");
    assertRole("policy-admin", "POLICY_ADMIN", "City Privacy Office");
    assertRole("police-liaison", "LAW_ENFORCEMENT", "City Police");
    assertRole("auditor", "AUDITOR", "Office of the Auditor General");
  }

  @Test
  void requestedScopeOutsideTheClientsScopesIsRefused() {
    HttpResponse<String> response =
        client.post(
            "/oauth2/token",
            java.util.Map.of(
                "grant_type", "client_credentials",
                "client_id", "city-it",
                "client_secret", "city-it-secret",
                "scope", "admin"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(AuthServerClient.json(response).get("error").asString()).isEqualTo("invalid_scope");
  }

  @Test
  void wrongSecretIsRejected() {
    HttpResponse<String> basic = client.clientCredentialsBasic("city-it", "not-the-secret");
    HttpResponse<String> post = client.clientCredentialsPost("city-it", "not-the-secret");

    for (HttpResponse<String> response : java.util.List.of(basic, post)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(AuthServerClient.json(response).get("error").asString())
          .isEqualTo("invalid_client");
      assertThat(response.body()).doesNotContain("access_token").doesNotContain("not-the-secret");
    }
  }

  @Test
  void unknownClientIsRejected() {
    HttpResponse<String> response = client.clientCredentialsBasic("mallory", "mallory-secret");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(AuthServerClient.json(response).get("error").asString()).isEqualTo("invalid_client");
    assertThat(response.body()).doesNotContain("access_token");
  }

  @Test
  void discoveryAdvertisesTheConfiguredIssuer() {
    HttpResponse<String> response =
        client.get("/.well-known/openid-configuration", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode discovery = AuthServerClient.json(response);
    assertThat(discovery.get("issuer").asString()).isEqualTo(ISSUER);
    assertThat(discovery.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
    assertThat(discovery.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
  }

  @Test
  void jwksServesOnlyThePublicKey() {
    HttpResponse<String> response = client.get("/oauth2/jwks", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode key = AuthServerClient.json(response).get("keys").get(0);
    assertThat(key.get("kty").asString()).isEqualTo("RSA");
    assertThat(key.has("kid")).isTrue();
    assertThat(key.has("d")).isFalse();
    assertThat(key.has("p")).isFalse();
  }

  @Test
  void healthIsPublic() {
    HttpResponse<String> response = client.get("/actuator/health", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(AuthServerClient.json(response).get("status").asString()).isEqualTo("UP");
  }

  @Test
  void unauthenticatedApiRequestGetsProblemJson() {
    HttpResponse<String> response = client.get("/actuator/env", "application/json");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = AuthServerClient.json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(401);
    assertThat(problem.has("type")).isTrue();
    assertThat(problem.has("title")).isTrue();
    assertThat(problem.has("detail")).isTrue();
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("trace");
  }

  @Test
  void dashboardOriginMayExchangeCodesCrossOriginButOtherOriginsMayNot() {
    HttpResponse<String> dashboard = client.preflight("/oauth2/token", "http://localhost:8080");
    HttpResponse<String> stranger = client.preflight("/oauth2/token", "https://evil.example");

    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://localhost:8080");
    assertThat(stranger.statusCode()).isEqualTo(403);
    assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private void assertRole(String clientId, String role, String organization) throws Exception {
    JWTClaimsSet claims = client.verify(client.accessToken(clientId, clientId + "-secret"), ISSUER);
    assertThat(claims.getSubject()).isEqualTo(clientId);
    assertThat(claims.getStringListClaim("roles")).containsExactly(role);
    assertThat(claims.getStringClaim("organization")).isEqualTo(organization);
  }
}
