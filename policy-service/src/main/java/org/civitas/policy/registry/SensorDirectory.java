package org.civitas.policy.registry;

import java.util.Optional;
import org.civitas.contract.registry.SensorRegistration;

/**
 * Looks up sensors on the hot path of minimization. Backed by the registry's table, cached in
 * memory so that a reading costs no database round trip.
 */
public interface SensorDirectory {

  /** The sensor's latest registration, active or decommissioned, if it was ever registered. */
  Optional<SensorRegistration> find(String sensorId);
}
