package org.civitas.ingest.reading.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.civitas.ingest.IngestIntegrationTestSupport;
import org.civitas.testsupport.TestInfrastructure;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class IngestWhileKafkaIsDownIntegrationTest extends IngestIntegrationTestSupport {

  @Test
  void kafkaDownIs503WithNothingAcceptedAndTheRetryIsAcceptedAfterRestart() {
    String camera = sensorId("cam");
    register(active(camera, "acme", "licence_plate"));
    ObjectNode reading = reading(camera, "licence_plate");
    byte[] body = batch(reading);

    TestInfrastructure.shared().stopKafka();
    try {
      HttpResponse<String> down = post(TestTokens.vendor("acme"), JSON, body);

      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.headers().firstValue("Retry-After")).isPresent();
      assertThat(down.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(json(down).has("accepted")).isFalse();

      // a full batch must not wait out the producer's blocking bound once per reading (a bug
      // found by the fault tests: the request hung far past the client's timeout instead)
      ObjectNode[] many = new ObjectNode[30];
      for (int i = 0; i < many.length; i++) {
        many[i] = reading(camera, "licence_plate");
      }
      HttpResponse<String> batchDown = post(TestTokens.vendor("acme"), JSON, batch(many));
      assertThat(batchDown.statusCode()).isEqualTo(503);
      assertThat(json(batchDown).has("accepted")).isFalse();
    } finally {
      TestInfrastructure.shared().startKafka();
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> post(TestTokens.vendor("acme"), JSON, body).statusCode() == 202);
    String id = reading.get("readingId").stringValue();
    awaitRaw(
        records ->
            records.stream().anyMatch(r -> id.equals(r.value().get("readingId").stringValue())));
  }
}
