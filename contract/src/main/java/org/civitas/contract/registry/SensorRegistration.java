package org.civitas.contract.registry;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import org.civitas.contract.reading.Reading.Location;

/**
 * A sensor as the registry knows it (CONTRACT §9), published on {@code civitas.registry.sensors}
 * keyed by sensorId. The latest record per sensor wins; a decommissioned sensor keeps its record
 * with {@code status = DECOMMISSIONED}.
 */
public record SensorRegistration(
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
    String description,
    Status status,
    Instant registeredAt,
    Instant decommissionedAt) {

  public enum Status {
    ACTIVE,
    DECOMMISSIONED
  }

  @JsonIgnore
  public boolean isActive() {
    return status == Status.ACTIVE;
  }
}
