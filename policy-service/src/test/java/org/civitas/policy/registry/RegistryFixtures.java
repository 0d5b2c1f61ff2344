package org.civitas.policy.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.contract.registry.SensorRegistration;

/** Small factories for registry unit tests. */
final class RegistryFixtures {

  static NewSensor plateCamera(String sensorId) {
    return new NewSensor(
        sensorId,
        "acme",
        "licence-plate-camera",
        List.of("licence_plate"),
        List.of("traffic-planning", "law-enforcement"),
        new Location(43.64871, -79.38172),
        "CA-ON",
        List.of("CA"),
        "City of Toronto Act, 2006, s. 8",
        "City of Toronto Transportation Services",
        "ts-privacy@toronto.example",
        "King St W and Bay St");
  }

  static NewSensor withProcessingLocations(NewSensor s, List<String> processingLocations) {
    return new NewSensor(
        s.sensorId(),
        s.vendorId(),
        s.type(),
        s.categories(),
        s.purposes(),
        s.location(),
        s.jurisdiction(),
        processingLocations,
        s.legalBasis(),
        s.accountableOrganization(),
        s.contact(),
        s.description());
  }

  static NewSensor withCategories(NewSensor s, List<String> categories) {
    return new NewSensor(
        s.sensorId(),
        s.vendorId(),
        s.type(),
        categories,
        s.purposes(),
        s.location(),
        s.jurisdiction(),
        s.processingLocations(),
        s.legalBasis(),
        s.accountableOrganization(),
        s.contact(),
        s.description());
  }

  static SensorRegistration registered(NewSensor sensor) {
    return sensor.activeAt(Instant.parse("2026-11-26T10:00:00Z"));
  }

  /** A policy that covers the given categories with the given rules, nothing else. */
  static PolicyFacts policy(long version, Map<String, PolicyFacts.CategoryRules> rules) {
    return new PolicyFacts() {
      @Override
      public Optional<Long> activeVersion() {
        return Optional.of(version);
      }

      @Override
      public Set<String> categories() {
        return rules.keySet();
      }

      @Override
      public Optional<CategoryRules> rules(String category) {
        return Optional.ofNullable(rules.get(category));
      }
    };
  }

  static PolicyFacts.CategoryRules rules(
      Duration retention, List<String> storeIn, List<String> transferTo, String... purposes) {
    return new PolicyFacts.CategoryRules(retention, storeIn, transferTo, Set.of(purposes));
  }

  private RegistryFixtures() {}
}
