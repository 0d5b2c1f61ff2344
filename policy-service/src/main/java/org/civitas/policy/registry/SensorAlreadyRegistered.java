package org.civitas.policy.registry;

/** The sensorId is taken, by an active or a decommissioned sensor; ids are never reused. */
public class SensorAlreadyRegistered extends RuntimeException {

  SensorAlreadyRegistered(String sensorId) {
    super("sensor already registered: " + sensorId);
  }
}
