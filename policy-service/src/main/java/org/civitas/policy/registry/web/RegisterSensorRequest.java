package org.civitas.policy.registry.web;

import java.util.List;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.policy.registry.NewSensor;

/** Body of {@code POST /api/v1/sensors} (CONTRACT §9). Checked by the registry, not here. */
record RegisterSensorRequest(
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

  NewSensor toNewSensor() {
    return new NewSensor(
        sensorId,
        vendorId,
        type,
        categories,
        purposes,
        location,
        jurisdiction,
        processingLocations,
        legalBasis,
        accountableOrganization,
        contact,
        description);
  }
}
