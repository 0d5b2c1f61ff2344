package org.civitas.policy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.civitas.contract.ContractJson;
import org.civitas.policy.support.PolicyServiceIntegrationTestSupport;
import org.civitas.testsupport.TestInfrastructure;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** No access and no purge without a record (CONTRACT §3, §7.1): with Kafka down, nothing. */
class WithoutTheAuditLogIntegrationTest extends PolicyServiceIntegrationTestSupport {

  static final String AGGREGATES =
      "/api/v1/data/aggregates?category=licence_plate&purpose=traffic-planning&groupBy=sensorId";

  HttpResponse<String> export(String category) {
    return send(
        "POST",
        "/api/v1/data/exports",
        TestTokens.staff(),
        "application/json",
        ContractJson.mapper()
            .writeValueAsString(
                Map.of(
                    "category", category,
                    "purpose", "open-data",
                    "destinationCountry", "US")));
  }

  @Test
  void aggregatesExportsAndSweepsAnswer503AndDoNothingWhileKafkaIsDown() {
    String exportable = unique("it_outage");
    publishWithCategory(exportable, ExpiryIntegrationTest.CATEGORY_POLICY);
    String sensorId = "outage-" + unique("s");
    Instant now = clock.instant();
    storeRow("licence_plate", sensorId, now.minusSeconds(60), now.plusSeconds(3600), null, "{}");
    String exported =
        storeRow(exportable, sensorId, now.minusSeconds(60), now.plusSeconds(3600), null, "{}");
    String expired =
        storeRow("licence_plate", sensorId, now.minusSeconds(120), now.minusSeconds(1), null, "{}");
    TestInfrastructure.shared().stopKafka();
    try {
      HttpResponse<String> aggregates = get(AGGREGATES, TestTokens.staff());
      HttpResponse<String> export = export(exportable);
      HttpResponse<String> sweep =
          send("POST", "/api/v1/retention/sweeps", TestTokens.staff(), null, null);

      assertThat(aggregates.statusCode()).isEqualTo(503);
      assertThat(aggregates.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(aggregates.body()).doesNotContain(sensorId).doesNotContain("\"cells\"");
      assertThat(export.statusCode()).isEqualTo(503);
      assertThat(export.headers().firstValue("X-Civitas-Record-Count")).isEmpty();
      assertThat(export.body()).doesNotContain(exported);
      assertThat(sweep.statusCode()).isEqualTo(503);
      assertThat(rowExists(expired)).isTrue();
    } finally {
      TestInfrastructure.shared().startKafka();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> get(AGGREGATES, TestTokens.staff()).statusCode(), status -> status == 200);
    }
  }
}
