package org.civitas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The token issuer's keys cannot be fetched, so no token can be checked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnreachableIssuerIntegrationTest {

  @LocalServerPort int port;

  GatewayClient gateway;

  @DynamicPropertySource
  static void gatewayProperties(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens::issuer);
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        () -> "http://127.0.0.1:" + closedPort() + "/oauth2/jwks");
    registry.add("civitas.gateway.policy-uri", () -> Upstreams.POLICY.uri().toString());
  }

  @BeforeEach
  void connect() {
    gateway = new GatewayClient(port);
    Upstreams.POLICY.forget();
  }

  @Test
  void tokensThatCannotBeCheckedAreAnswered503NotLetThrough() {
    HttpResponse<String> response = gateway.get("/api/v1/sensors", TestTokens.staff());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).doesNotContain("127.0.0.1", "Exception", "jwks");
    assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
    assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(Upstreams.POLICY.receivedNothing()).isTrue();
  }

  @Test
  void publicPathsStillWorkWithoutTheIssuer() throws Exception {
    HttpResponse<String> response = gateway.get("/api/v1/public/registry");

    assertThat(response.statusCode()).isEqualTo(200);
    Upstreams.POLICY.take();
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
