package org.civitas.policy.access;

import java.util.function.Supplier;
import org.civitas.kit.audit.AuditEvents;
import org.civitas.kit.audit.AuditPublisher;
import org.civitas.policy.document.AccessRule.Granularity;
import org.civitas.policy.document.CategoryPolicy;
import org.springframework.security.core.Authentication;

/**
 * How every data request begins: decide under the category's policy, and record a denial in the
 * audit log (acknowledged by Kafka) before refusing, so that no refusal goes unaudited.
 */
final class DeniedAccess {

  /**
   * @param event the request's audit event, to be completed with the denial
   * @return the permit, when a rule permits
   * @throws AccessDenied when no rule permits (after the denial is audited)
   */
  static AccessDecision.Permit permitOrDeny(
      CategoryPolicy category,
      Authentication caller,
      String purpose,
      String warrantRef,
      Granularity wanted,
      AuditPublisher audit,
      Supplier<AuditEvents.Builder> event) {
    AccessDecision decision =
        AccessRules.decide(category, Callers.roles(caller), purpose, warrantRef, wanted);
    if (decision instanceof AccessDecision.Deny deny) {
      throw audited(deny.reason(), audit, event.get());
    }
    return (AccessDecision.Permit) decision;
  }

  /** Audits the denial and returns the exception to throw. */
  static AccessDenied audited(String reason, AuditPublisher audit, AuditEvents.Builder event) {
    audit.publish(event.denied(reason).build());
    return new AccessDenied(reason);
  }

  private DeniedAccess() {}
}
