package org.civitas.policy.registry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civitas.contract.FieldViolation;

/**
 * Refuses a sensor whose vendor processes data where the active policy does not let any of its
 * categories be stored or sent (CONTRACT §9: refuse, don't warn). Categories the policy does not
 * cover are not checked here; the public registry flags them instead.
 */
final class ResidencyDueDiligence {

  static final String CODE = "residency_not_permitted";

  /** The outcome: field errors, and the categories whose residency the sensor would breach. */
  record Finding(List<FieldViolation> violations, List<String> blockedCategories) {
    boolean refused() {
      return !violations.isEmpty();
    }
  }

  static Finding check(NewSensor sensor, PolicyFacts facts) {
    List<FieldViolation> violations = new ArrayList<>();
    Set<String> blocked = new LinkedHashSet<>();
    List<String> locations = sensor.processingLocations();
    for (String category : new LinkedHashSet<>(sensor.categories())) {
      Optional<PolicyFacts.CategoryRules> rules = facts.rules(category);
      if (rules.isEmpty()) {
        continue;
      }
      Set<String> allowed = rules.get().allowedLocations();
      for (int i = 0; i < locations.size(); i++) {
        if (!allowed.contains(locations.get(i))) {
          blocked.add(category);
          violations.add(
              new FieldViolation(
                  "processingLocations[" + i + "]",
                  CODE,
                  "processing location is outside where the active policy lets category '"
                      + category
                      + "' be stored or sent (storeIn or transferTo)"));
        }
      }
    }
    return new Finding(List.copyOf(violations), List.copyOf(blocked));
  }

  private ResidencyDueDiligence() {}
}
