package org.civitas.policy.registry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Categories a sensor may be registered for: the built-ins of CONTRACT §4.1, any configured in
 * {@code civitas.registry.extra-categories}, and any the active policy covers.
 */
@Component
class KnownCategories {

  static final List<String> BUILT_IN =
      List.of(
          "licence_plate",
          "traffic_count",
          "air_quality",
          "noise_level",
          "energy_usage",
          "transit_tap",
          "wifi_presence",
          "parking_occupancy",
          "pedestrian_count");

  private final Set<String> configured;
  private final ObjectProvider<PolicyFacts> policyFacts;

  KnownCategories(RegistrySettings settings, ObjectProvider<PolicyFacts> policyFacts) {
    Set<String> fixed = new LinkedHashSet<>(BUILT_IN);
    fixed.addAll(settings.extraCategories());
    this.configured = Set.copyOf(fixed);
    this.policyFacts = policyFacts;
  }

  boolean contains(String category) {
    if (configured.contains(category)) {
      return true;
    }
    PolicyFacts facts = policyFacts.getIfAvailable();
    return facts != null && facts.categories().contains(category);
  }
}
