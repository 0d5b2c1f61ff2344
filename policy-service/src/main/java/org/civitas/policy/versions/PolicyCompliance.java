package org.civitas.policy.versions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civitas.contract.FieldViolation;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.policy.document.CategoryPolicy;
import org.civitas.policy.document.PolicyDocument;

/**
 * Whether a policy version would leave an active sensor out of compliance: a category of the sensor
 * that the policy does not cover, or a processing location of its vendor outside {@code storeIn ∪
 * transferTo} of one of its categories. The same due diligence registration applies (CONTRACT §9),
 * applied to the sensors already registered when the policy changes.
 */
final class PolicyCompliance {

  static final String CODE = "sensor_out_of_compliance";

  /** One active sensor the policy would put out of compliance, and every reason why. */
  record Breach(String sensorId, List<String> reasons) {}

  static List<Breach> check(PolicyDocument document, Collection<SensorRegistration> sensors) {
    List<Breach> breaches = new ArrayList<>();
    sensors.stream()
        .filter(SensorRegistration::isActive)
        .sorted(Comparator.comparing(SensorRegistration::sensorId))
        .forEach(
            sensor -> {
              List<String> reasons = reasons(document, sensor);
              if (!reasons.isEmpty()) {
                breaches.add(new Breach(sensor.sensorId(), reasons));
              }
            });
    return breaches;
  }

  /** One field error per breach, naming the sensor (an identifier, never personal data). */
  static List<FieldViolation> violations(List<Breach> breaches) {
    return breaches.stream()
        .map(
            breach ->
                new FieldViolation(
                    "sensors." + breach.sensorId(),
                    CODE,
                    "active sensor "
                        + breach.sensorId()
                        + " would be out of compliance: "
                        + String.join("; ", breach.reasons())
                        + ". Publish with force=true to decommission it."))
        .toList();
  }

  private static List<String> reasons(PolicyDocument document, SensorRegistration sensor) {
    List<String> reasons = new ArrayList<>();
    Set<String> locations =
        new LinkedHashSet<>(
            sensor.processingLocations() == null ? List.of() : sensor.processingLocations());
    for (String category : new LinkedHashSet<>(sensor.categories())) {
      Optional<CategoryPolicy> policy = document.category(category);
      if (policy.isEmpty()) {
        reasons.add("category '" + category + "' has no policy");
        continue;
      }
      Set<String> allowed = new LinkedHashSet<>(policy.get().residency().storeIn());
      allowed.addAll(policy.get().residency().transferTo());
      if (!allowed.containsAll(locations)) {
        reasons.add(
            "processing locations outside storeIn and transferTo of category '" + category + "'");
      }
    }
    return reasons;
  }

  private PolicyCompliance() {}
}
