package org.civitas.policy.access;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.civitas.policy.document.AccessRule;
import org.civitas.policy.document.AccessRule.Granularity;
import org.civitas.policy.document.CategoryPolicy;

/**
 * The access decision of CONTRACT §6 and §8 as a plain function: default deny; a rule permits when
 * its purpose matches, the caller holds one of its roles, its granularity allows what is asked, and
 * every legal basis it requires is present. The reason of a denial names the first test that no
 * rule passed.
 */
public final class AccessRules {

  public static AccessDecision decide(
      CategoryPolicy category,
      Set<String> callerRoles,
      String purpose,
      String warrantRef,
      Granularity wanted) {
    if (category == null) {
      return new AccessDecision.Deny("no_policy_for_category");
    }
    List<AccessRule> candidates =
        category.access().stream().filter(rule -> rule.purpose().equals(purpose)).toList();
    if (candidates.isEmpty()) {
      return new AccessDecision.Deny("purpose_not_permitted");
    }
    candidates =
        candidates.stream()
            .filter(rule -> rule.roles().stream().anyMatch(callerRoles::contains))
            .toList();
    if (candidates.isEmpty()) {
      return new AccessDecision.Deny("role_not_permitted");
    }
    candidates = candidates.stream().filter(rule -> allows(rule.granularity(), wanted)).toList();
    if (candidates.isEmpty()) {
      return new AccessDecision.Deny("aggregate_only");
    }
    boolean hasWarrant = warrantRef != null && !warrantRef.isBlank();
    List<AccessRule> permitting =
        candidates.stream().filter(rule -> !rule.requiresWarrant() || hasWarrant).toList();
    if (permitting.isEmpty()) {
      return new AccessDecision.Deny("warrant_required");
    }
    // several rules may permit an aggregate: the caller gets the least suppression any grants
    return new AccessDecision.Permit(
        wanted == Granularity.AGGREGATE
            ? permitting.stream().min(Comparator.comparingInt(AccessRules::smallestCell)).get()
            : permitting.get(0));
  }

  /**
   * The smallest aggregate cell a rule lets be shown: its {@code minCount} for an aggregate rule; 1
   * for a record rule, whose holder may see every record anyway.
   */
  public static int smallestCell(AccessRule rule) {
    if (rule.granularity() == Granularity.RECORD || rule.minCount() == null) {
      return 1;
    }
    return Math.max(1, rule.minCount());
  }

  /** A record rule also allows aggregates; an aggregate rule never allows records. */
  private static boolean allows(Granularity granted, Granularity wanted) {
    return granted == Granularity.RECORD || wanted == Granularity.AGGREGATE;
  }

  private AccessRules() {}
}
