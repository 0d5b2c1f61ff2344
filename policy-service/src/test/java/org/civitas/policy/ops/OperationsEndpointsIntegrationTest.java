package org.civitas.policy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.civitas.contract.reading.Reading;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.policy.support.PolicyServiceIntegrationTestSupport;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Probes and metrics: bounded labels only, never a sensor, a subject or a made-up purpose. */
class OperationsEndpointsIntegrationTest extends PolicyServiceIntegrationTestSupport {

  @Test
  void metricsCountGovernanceAndAccessDecisionsWithBoundedLabels() {
    String sensorId = registerSensor("licence_plate");
    String unknownSensor = "ops-ghost-" + UUID.randomUUID().toString().substring(0, 8);
    String plate = "OPS" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
    publishRaw(reading(sensorId, plate), reading(unknownSensor, plate));
    String madeUpPurpose = "curiosity-" + UUID.randomUUID().toString().substring(0, 8);

    assertThat(get(readings(sensorId, "traffic-planning"), TestTokens.staff()).statusCode())
        .isEqualTo(200);
    assertThat(get(readings(sensorId, madeUpPurpose), TestTokens.staff()).statusCode())
        .isEqualTo(403);

    String metrics =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                this::scrape,
                body ->
                    body.contains("civitas_governance_readings_stored_total")
                        && body.contains("reason=\"sensor_unknown\""));
    assertThat(metrics)
        .contains("civitas_policy_active_version")
        .contains("civitas_governance_readings_quarantined_total{reason=\"sensor_unknown\"")
        .containsPattern(
            "(?m)^kafka_consumer_fetch_manager_records_lag_max\\{client_id=\"civitas-policy-raw-readings-0\"")
        .containsPattern(
            "civitas_access_decisions_total\\{action=\"DATA_QUERY\",decision=\"PERMIT\","
                + "purpose=\"traffic-planning\"")
        .containsPattern(
            "civitas_access_decisions_total\\{action=\"DATA_QUERY\",decision=\"DENY\","
                + "purpose=\"other\"")
        .doesNotContain(sensorId)
        .doesNotContain(unknownSensor)
        .doesNotContain(plate)
        .doesNotContain(madeUpPurpose)
        .doesNotContain("city-it");
    // one meter by name, without a token, as the e2e benchmark polls it
    HttpResponse<String> stored = get("/actuator/metrics/civitas.governance.readings.stored", null);
    assertThat(stored.statusCode()).isEqualTo(200);
    assertThat(json(stored).path("measurements").get(0).path("statistic").asString())
        .isEqualTo("COUNT");
    assertThat(json(stored).path("measurements").get(0).path("value").asDouble())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void readinessChecksTheDatabaseAndKafka() {
    HttpResponse<String> readiness = get("/actuator/health/readiness", null);

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(json(readiness).path("components").has("db")).isTrue();
    assertThat(json(readiness).path("components").has("kafka")).isTrue();
    assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
  }

  private String scrape() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static String readings(String sensorId, String purpose) {
    return "/api/v1/data/readings?category=licence_plate&sensorId="
        + sensorId
        + "&purpose="
        + purpose;
  }

  private static Reading reading(String sensorId, String plate) {
    return new Reading(
        UUID.randomUUID().toString(),
        sensorId,
        Instant.now().minusSeconds(30).toString(),
        "licence_plate",
        new Location(43.64871, -79.38172),
        Map.of("plate", plate, "speedKmh", 48.2));
  }
}
