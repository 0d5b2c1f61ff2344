package org.civitas.kit.audit;

import org.civitas.contract.audit.AuditEvent;

/**
 * Told about each audit event once Kafka has acknowledged it, e.g. to count access decisions in
 * metrics. Observers must be quick and must not throw: a failing observer is ignored, never turned
 * into a failed request.
 */
@FunctionalInterface
public interface AuditPublished {

  void published(AuditEvent event);
}
