package org.civitas.audit.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.civitas.audit.AuditServiceTestBase;
import org.civitas.audit.log.AuditLogFixtures;
import org.junit.jupiter.api.Test;

/** Probes and the audit log's size and signing freshness as metrics, never an actor. */
class OperationsEndpointsIntegrationTest extends AuditServiceTestBase {

  @Test
  void metricsShowTheTreeSizeAndTheAgeOfTheNewestHeadButNoActor() {
    String eventId = newId();
    String subject = "ops-subject-" + eventId.substring(0, 8);
    publish(AuditLogFixtures.event(eventId, subject, "traffic-planning"));
    await().atMost(Duration.ofSeconds(60)).until(() -> logged(eventId));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get("/api/v1/audit/tree-head", null).statusCode() == 200);

    HttpResponse<String> metrics = get("/actuator/prometheus", null);

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern("(?m)^civitas_audit_tree_size [1-9]")
        .containsPattern("(?m)^civitas_audit_tree_head_age_seconds [0-9]")
        .containsPattern(
            "(?m)^kafka_consumer_fetch_manager_records_lag_max\\{client_id=\"audit-log-consumer\"")
        .doesNotContain(subject)
        .doesNotContain(eventId);
  }

  @Test
  void readinessChecksTheDatabaseAndKafka() {
    HttpResponse<String> readiness = get("/actuator/health/readiness", null);

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(json(readiness).path("components").has("db")).isTrue();
    assertThat(json(readiness).path("components").has("kafka")).isTrue();
  }
}
