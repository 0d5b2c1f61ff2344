package org.civitas.audit.log;

import java.util.List;
import org.civitas.contract.audit.AuditAction;
import org.civitas.contract.audit.AuditEvent;
import org.civitas.contract.audit.AuditEvent.Actor;
import org.civitas.contract.audit.AuditEvent.LegalBasis;
import org.civitas.contract.audit.AuditEvent.Resource;
import org.civitas.contract.audit.Decision;

/** Audit events as the other services emit them. */
public final class AuditLogFixtures {

  public static AuditEvent event(String eventId) {
    return event(eventId, "city-it", "traffic-planning");
  }

  public static AuditEvent event(String eventId, String subject, String purpose) {
    return new AuditEvent(
        eventId,
        "2026-11-26T10:20:01.123Z",
        "policy-service",
        AuditAction.DATA_QUERY,
        new Actor(subject, List.of("STAFF"), "City IT"),
        purpose,
        LegalBasis.NONE,
        new Resource("licence_plate", null, "2026-11-26T00:00:00Z", "2026-11-26T10:00:00Z"),
        Decision.PERMIT,
        null,
        120L,
        3L,
        "corr-1");
  }

  private AuditLogFixtures() {}
}
