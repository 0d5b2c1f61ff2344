package org.civitas.policy.registry;

import java.time.Instant;
import java.util.List;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.contract.registry.SensorRegistration.Status;

/**
 * A sensor as staff (or the demo seed) asks to register it, before validation: any field may be
 * missing or malformed until {@link RegistrationValidation} has looked at it.
 */
public record NewSensor(
    String sensorId,
    String vendorId,
    String type,
    List<String> categories,
    List<String> purposes,
    Location location,
    String jurisdiction,
    List<String> processingLocations,
    String legalBasis,
    String accountableOrganization,
    String contact,
    String description) {

  SensorRegistration activeAt(Instant registeredAt) {
    return new SensorRegistration(
        sensorId,
        vendorId,
        type.strip(),
        distinct(categories),
        distinct(purposes),
        location,
        jurisdiction,
        distinct(processingLocations),
        legalBasis.strip(),
        accountableOrganization.strip(),
        contact.strip(),
        description == null || description.isBlank() ? null : description.strip(),
        Status.ACTIVE,
        registeredAt,
        null);
  }

  private static List<String> distinct(List<String> values) {
    return values.stream().distinct().toList();
  }
}
