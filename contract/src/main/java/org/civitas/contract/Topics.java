package org.civitas.contract;

/** Kafka topic names of CONTRACT §5, declared once. Record keys are noted per topic. */
public final class Topics {

  /** Key: sensorId. Value: {@link org.civitas.contract.reading.Reading} JSON. Short retention. */
  public static final String READINGS_RAW = "civitas.readings.raw";

  /** Key: sensorId. Value: {@link org.civitas.contract.reading.GovernedReading} JSON. */
  public static final String READINGS_GOVERNED = "civitas.readings.governed";

  /** Key: sensorId. Value: {@link org.civitas.contract.reading.QuarantinedReading} JSON. */
  public static final String READINGS_QUARANTINE = "civitas.readings.quarantine";

  /** Key: actor subject. Value: {@link org.civitas.contract.audit.AuditEvent} JSON. */
  public static final String AUDIT_EVENTS = "civitas.audit.events";

  /** Key: {@link #ACTIVE_POLICY_KEY}. Value: policy document with version. Compacted. */
  public static final String POLICY_VERSIONS = "civitas.policy.versions";

  /** Key: sensorId. Value: sensor registration. Compacted. */
  public static final String REGISTRY_SENSORS = "civitas.registry.sensors";

  public static final String ACTIVE_POLICY_KEY = "active";

  private Topics() {}
}
