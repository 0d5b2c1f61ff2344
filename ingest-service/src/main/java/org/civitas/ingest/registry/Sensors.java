package org.civitas.ingest.registry;

import java.util.Optional;

/**
 * The sensors the registry knows, answered from memory so that validating a reading never waits on
 * another service.
 */
public interface Sensors {

  /** The latest registration of the sensor, active or decommissioned; empty if never registered. */
  Optional<RegisteredSensor> find(String sensorId);

  /**
   * Whether the registry has been read up to where it stood when this service started; before that
   * an unknown sensor may only be not yet seen.
   */
  boolean isCaughtUp();
}
