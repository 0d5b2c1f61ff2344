package org.civitas.policy.registry;

/** No sensor was ever registered under the id. */
public class SensorNotFound extends RuntimeException {

  public SensorNotFound(String sensorId) {
    super("sensor not registered: " + sensorId);
  }
}
