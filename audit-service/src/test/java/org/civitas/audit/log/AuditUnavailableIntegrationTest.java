package org.civitas.audit.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.civitas.audit.AuditServiceTestBase;
import org.civitas.contract.audit.AuditEvent;
import org.civitas.testsupport.TestInfrastructure;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

class AuditUnavailableIntegrationTest extends AuditServiceTestBase {

  @Test
  void auditorReadsAreRefusedWhileTheirAuditEventCannotBeWritten() {
    AuditEvent before = AuditLogFixtures.event(newId());
    publish(before);
    await().until(() -> logged(before.eventId()));
    HttpResponse<String> response;
    TestInfrastructure.shared().stopKafka();
    try {
      response = get("/api/v1/audit/events?size=5", TestTokens.auditor());
    } finally {
      TestInfrastructure.shared().startKafka();
    }

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).doesNotContain(before.eventId(), "\"items\"");

    AuditEvent after = AuditLogFixtures.event(newId());
    publish(after);
    await().atMost(Duration.ofSeconds(60)).until(() -> logged(after.eventId()));
    assertThat(get("/api/v1/audit/events?size=1", TestTokens.auditor()).statusCode())
        .isEqualTo(200);
  }
}
