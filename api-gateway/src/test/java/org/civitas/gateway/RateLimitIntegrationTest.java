package org.civitas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.civitas.contract.Roles;
import org.civitas.testsupport.TestInfrastructure;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tiny limits (refill in minutes, bursts of one or two) so that the second or third call trips. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "civitas.gateway.rate-limit.requests-per-second=0.01",
      "civitas.gateway.rate-limit.burst=2",
      "civitas.gateway.rate-limit.anonymous-requests-per-second=0.01",
      "civitas.gateway.rate-limit.anonymous-burst=1"
    })
class RateLimitIntegrationTest {

  @LocalServerPort int port;

  GatewayClient gateway;

  @DynamicPropertySource
  static void gatewayProperties(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerTokenIssuer(registry);
    registry.add("civitas.gateway.ingest-uri", () -> Upstreams.INGEST.uri().toString());
    registry.add("civitas.gateway.policy-uri", () -> Upstreams.POLICY.uri().toString());
    registry.add("civitas.gateway.audit-uri", () -> Upstreams.AUDIT.uri().toString());
  }

  @BeforeEach
  void connect() {
    gateway = new GatewayClient(port);
  }

  @Test
  void aClientOverItsLimitIsRefusedWith429AndToldWhenToRetry() {
    String token = TestTokens.token("busy-client", "City IT", Roles.STAFF);

    assertThat(gateway.get("/api/v1/sensors", token).statusCode()).isEqualTo(200);
    assertThat(gateway.get("/api/v1/sensors", token).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = gateway.get("/api/v1/sensors", token);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(GatewayClient.json(refused).get("status").asInt()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    // one token at 0.01 per second takes up to 100 s to come back
    assertThat(retryAfter).isBetween(1L, 100L);
    assertThat(refused.headers().firstValue("X-Correlation-Id")).isPresent();
  }

  @Test
  void limitsArePerClientNotShared() {
    String first = TestTokens.token("client-one", "City IT", Roles.STAFF);
    String second = TestTokens.token("client-two", "City IT", Roles.STAFF);
    gateway.get("/api/v1/sensors", first);
    gateway.get("/api/v1/sensors", first);
    assertThat(gateway.get("/api/v1/sensors", first).statusCode()).isEqualTo(429);

    assertThat(gateway.get("/api/v1/sensors", second).statusCode()).isEqualTo(200);
  }

  @Test
  void anonymousCallersAreLimitedByAddressAndHealthNeverIs() {
    assertThat(gateway.get("/api/v1/audit/tree-head").statusCode()).isEqualTo(200);
    HttpResponse<String> refused = gateway.get("/api/v1/audit/public-key");

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    for (int i = 0; i < 5; i++) {
      assertThat(gateway.get("/actuator/health").statusCode()).isEqualTo(200);
    }
  }
}
