package org.civitas.policy.minimization;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civitas.contract.reading.Reading;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.contract.registry.SensorRegistration.Status;
import org.civitas.policy.document.PolicyDocument;
import org.civitas.policy.document.PolicyDocumentParser;
import org.civitas.policy.document.PolicyParseResult;

/** Small factories for minimization tests. */
public final class MinimizationFixtures {

  public static SensorRegistration sensor(String sensorId, String... categories) {
    return new SensorRegistration(
        sensorId,
        "acme",
        "camera",
        List.of(categories),
        List.of("traffic-planning"),
        new Location(43.64871, -79.38172),
        "CA-ON",
        List.of("CA"),
        "municipal by-law 2026-17",
        "City of Toronto",
        "privacy@city.example",
        "test sensor",
        Status.ACTIVE,
        Instant.parse("2026-01-01T00:00:00Z"),
        null);
  }

  public static SensorRegistration decommissioned(String sensorId, String... categories) {
    SensorRegistration active = sensor(sensorId, categories);
    return new SensorRegistration(
        active.sensorId(),
        active.vendorId(),
        active.type(),
        active.categories(),
        active.purposes(),
        active.location(),
        active.jurisdiction(),
        active.processingLocations(),
        active.legalBasis(),
        active.accountableOrganization(),
        active.contact(),
        active.description(),
        Status.DECOMMISSIONED,
        active.registeredAt(),
        Instant.parse("2026-06-01T00:00:00Z"));
  }

  public static Reading plateReading(String observedAt, String plate) {
    return new Reading(
        UUID.randomUUID().toString(),
        "cam-king-st-01",
        observedAt,
        "licence_plate",
        new Location(43.64871, -79.38172),
        Map.of("plate", plate, "speedKmh", 48.2, "lane", 2, "imageRef", "img-77812"));
  }

  public static PolicyDocument document(String yaml) {
    PolicyParseResult result = PolicyDocumentParser.parse(yaml);
    if (result instanceof PolicyParseResult.Valid valid) {
      return valid.document();
    }
    throw new IllegalArgumentException("invalid test policy: " + result);
  }

  private MinimizationFixtures() {}
}
