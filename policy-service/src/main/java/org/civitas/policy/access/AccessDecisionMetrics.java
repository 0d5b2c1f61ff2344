package org.civitas.policy.access;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.civitas.contract.audit.AuditAction;
import org.civitas.contract.audit.AuditEvent;
import org.civitas.kit.audit.AuditPublished;
import org.civitas.policy.document.AccessRule;
import org.civitas.policy.document.CategoryPolicy;
import org.civitas.policy.versions.ActivePolicy;
import org.springframework.stereotype.Component;

/**
 * Counts data-access decisions by action, purpose and decision from the audit events they are
 * recorded with, so every decision the audit log sees is counted and nothing else is. A purpose is
 * a label value only when the active policy names it; anything a caller made up counts as {@code
 * other}, which keeps the label set bounded.
 */
@Component
class AccessDecisionMetrics implements AuditPublished {

  static final String DECISIONS_METER = "civitas.access.decisions";
  static final String OTHER = "other";

  private static final Set<AuditAction> DATA_ACTIONS =
      Set.of(AuditAction.DATA_QUERY, AuditAction.DATA_AGGREGATE, AuditAction.DATA_EXPORT);

  private final ActivePolicy activePolicy;
  private final MeterRegistry meters;

  AccessDecisionMetrics(ActivePolicy activePolicy, MeterRegistry meters) {
    this.activePolicy = activePolicy;
    this.meters = meters;
  }

  @Override
  public void published(AuditEvent event) {
    if (!DATA_ACTIONS.contains(event.action())) {
      return;
    }
    meters
        .counter(
            DECISIONS_METER,
            "action",
            event.action().name(),
            "purpose",
            boundedPurpose(event.purpose()),
            "decision",
            String.valueOf(event.decision()))
        .increment();
  }

  private String boundedPurpose(String purpose) {
    if (purpose == null) {
      return OTHER;
    }
    boolean known =
        activePolicy
            .compiled()
            .map(
                policy ->
                    policy.document().categories().values().stream()
                        .map(CategoryPolicy::access)
                        .flatMap(java.util.List::stream)
                        .map(AccessRule::purpose)
                        .anyMatch(purpose::equals))
            .orElse(false);
    return known ? purpose : OTHER;
  }
}
