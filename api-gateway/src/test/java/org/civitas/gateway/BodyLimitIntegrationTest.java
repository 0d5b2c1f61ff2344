package org.civitas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** CONTRACT §4.2: batches up to 8 MiB; anything larger is refused before it reaches a service. */
class BodyLimitIntegrationTest extends GatewayIntegrationTestSupport {

  private static final int MIB = 1024 * 1024;

  @Test
  void aDeclaredBodyOverTheLimitIsRefusedWith413BeforeForwarding() {
    HttpResponse<String> response = postReadings(BodyPublishers.ofByteArray(body(9 * MIB)));

    assertPayloadTooLarge(response);
  }

  @Test
  void aStreamedBodyOverTheLimitIsRefusedWith413() {
    byte[] body = body(9 * MIB);
    HttpResponse<String> response =
        postReadings(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    assertPayloadTooLarge(response);
  }

  @Test
  void aBatchOfEightMebibytesIsForwardedWhole() throws Exception {
    HttpResponse<String> response = postReadings(BodyPublishers.ofByteArray(body(8 * MIB)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Upstreams.INGEST.take().body()).hasSize(8 * MIB);
  }

  @Test
  void aStreamedBatchOfEightMebibytesIsForwardedWhole() throws Exception {
    byte[] body = body(8 * MIB);
    HttpResponse<String> response =
        postReadings(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Upstreams.INGEST.take().body()).isEqualTo(body);
  }

  private HttpResponse<String> postReadings(BodyPublisher body) {
    return gateway.send(
        gateway
            .request("/api/v1/ingest/readings")
            .header("Authorization", "Bearer " + TestTokens.vendor("acme"))
            .header("Content-Type", "application/x-ndjson")
            .POST(body));
  }

  private static void assertPayloadTooLarge(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(GatewayClient.json(response).get("status").asInt()).isEqualTo(413);
    assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
    assertThat(Upstreams.INGEST.receivedNothing()).isTrue();
  }

  private static byte[] body(int size) {
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) 'x');
    return body;
  }
}
