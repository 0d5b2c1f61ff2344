package org.civitas.simulator.registry;

import java.util.List;
import org.civitas.contract.registry.SensorRegistration;

/** The sensors to simulate, as the registry currently lists them. */
public interface RegisteredSensors {

  /** Active sensors with at least one category, ordered by sensorId. */
  List<SensorRegistration> active();

  /** Whether the registry has been read up to where it stood at start-up. */
  boolean isCaughtUp();
}
