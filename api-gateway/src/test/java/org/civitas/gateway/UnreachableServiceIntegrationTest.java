package org.civitas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.civitas.testsupport.TestInfrastructure;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Every service is down: a port that was free a moment ago and has nothing listening on it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnreachableServiceIntegrationTest {

  @LocalServerPort int port;

  GatewayClient gateway;

  @DynamicPropertySource
  static void gatewayProperties(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerTokenIssuer(registry);
    String closed = "http://127.0.0.1:" + closedPort();
    registry.add("civitas.gateway.ingest-uri", () -> closed);
    registry.add("civitas.gateway.policy-uri", () -> closed);
    registry.add("civitas.gateway.audit-uri", () -> closed);
  }

  @BeforeEach
  void connect() {
    gateway = new GatewayClient(port);
  }

  @Test
  void anUnreachableServiceIsAnswered503ProblemWithoutInternals() {
    HttpResponse<String> response = gateway.get("/api/v1/data/readings", TestTokens.staff());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
    JsonNode problem = GatewayClient.json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(503);
    assertThat(response.body())
        .doesNotContain("127.0.0.1", "Exception", "at org.", "trace", "localhost");
  }

  @Test
  void publicPagesOfAnUnreachableServiceAreAnswered503Too() {
    HttpResponse<String> response = gateway.get("/transparency");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
