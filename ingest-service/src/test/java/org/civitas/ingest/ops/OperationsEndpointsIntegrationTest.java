package org.civitas.ingest.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.civitas.ingest.IngestIntegrationTestSupport;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** What operators read without a token: probes with their checks, and bounded metrics. */
class OperationsEndpointsIntegrationTest extends IngestIntegrationTestSupport {

  @Test
  void metricsCountReadingsByOutcomeAndErrorCodeButNeverNameASensor() {
    String camera = sensorId("cam");
    String ghost = sensorId("ghost");
    register(active(camera, "acme", "licence_plate"));

    HttpResponse<String> ingest =
        post(
            TestTokens.vendor("acme"),
            JSON,
            batch(reading(camera, "licence_plate"), reading(ghost, "licence_plate")));
    assertThat(ingest.statusCode()).isEqualTo(202);

    HttpResponse<String> metrics = get("/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("civitas_ingest_readings_total{outcome=\"accepted\"")
        .contains("civitas_ingest_rejections_total{code=\"sensor_unknown\"")
        .doesNotContain(camera)
        .doesNotContain(ghost)
        .doesNotContain("vendor-acme");
  }

  @Test
  void readinessChecksKafkaAndLivenessDoesNot() {
    HttpResponse<String> readiness = get("/actuator/health/readiness");
    HttpResponse<String> liveness = get("/actuator/health/liveness");

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(json(readiness).path("components").has("kafka")).isTrue();
    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(json(liveness).path("components").has("kafka")).isFalse();
  }
}
