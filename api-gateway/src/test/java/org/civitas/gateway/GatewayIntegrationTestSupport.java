package org.civitas.gateway;

import org.civitas.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random port, with real token validation against the test issuer and its routes
 * pointed at {@link Upstreams}. Subclasses share one application context. Rate limits are raised
 * out of the way here; {@code RateLimitIntegrationTest} tests them on its own.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "civitas.gateway.rate-limit.burst=1000000",
      "civitas.gateway.rate-limit.anonymous-burst=1000000"
    })
abstract class GatewayIntegrationTestSupport {

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
    Upstreams.forgetAll();
  }
}
