package org.civitas.policy.access;

import org.civitas.policy.document.AccessRule;

/** Whether a data request may go ahead, and under which rule or for which reason not. */
public sealed interface AccessDecision {

  record Permit(AccessRule rule) implements AccessDecision {}

  /**
   * @param reason stable code recorded in the audit event: {@code no_policy_for_category}, {@code
   *     purpose_not_permitted}, {@code role_not_permitted}, {@code aggregate_only}, {@code
   *     warrant_required}
   */
  record Deny(String reason) implements AccessDecision {}
}
