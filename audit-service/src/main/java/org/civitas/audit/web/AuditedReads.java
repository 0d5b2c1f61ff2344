package org.civitas.audit.web;

import org.civitas.contract.audit.AuditAction;
import org.civitas.kit.audit.AuditEvents;
import org.civitas.kit.audit.AuditPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Records an auditor's read of the log as an {@code AUDIT_LOG_READ} event and waits for Kafka to
 * acknowledge it; when it cannot, the read fails with 503 and returns nothing (CONTRACT §7.1).
 */
@Component
public class AuditedReads {

  /** Resource category of reads of logged events. */
  public static final String EVENTS = "audit-log";

  /** Resource category of reads of Merkle proofs. */
  public static final String PROOFS = "audit-proof";

  private final AuditEvents auditEvents;
  private final AuditPublisher publisher;

  AuditedReads(AuditEvents auditEvents, AuditPublisher publisher) {
    this.auditEvents = auditEvents;
    this.publisher = publisher;
  }

  public void record(
      Authentication caller, String resource, String from, String to, Long recordCount) {
    AuditEvents.Builder event =
        auditEvents.of(AuditAction.AUDIT_LOG_READ, caller).resource(resource, null, from, to);
    if (recordCount != null) {
      event.recordCount(recordCount);
    }
    publisher.publish(event.build());
  }
}
