package org.civitas.ingest.registry;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.civitas.contract.registry.SensorRegistration;

/**
 * What ingest needs to know of a registered sensor: who owns it, whether it is live, and what it
 * collects.
 */
public record RegisteredSensor(
    String sensorId, String vendorId, boolean active, Set<String> categories) {

  public RegisteredSensor {
    categories = Set.copyOf(categories);
  }

  public static RegisteredSensor of(SensorRegistration registration) {
    List<String> categories =
        registration.categories() == null ? List.of() : registration.categories();
    return new RegisteredSensor(
        registration.sensorId(),
        registration.vendorId(),
        registration.isActive(),
        Set.copyOf(categories.stream().filter(Objects::nonNull).toList()));
  }

  public boolean isOwnedBy(String vendor) {
    return vendor != null && vendor.equals(vendorId);
  }

  public boolean collects(String category) {
    return categories.contains(category);
  }
}
