package org.civitas.policy.registry;

/**
 * A change is recorded and audited but Kafka did not acknowledge its publication on the registry
 * topic, so services following the topic do not know it yet. It is retried until published.
 */
public class RegistryPublicationPending extends RuntimeException {

  RegistryPublicationPending(String sensorId, Throwable cause) {
    super("registry change for " + sensorId + " not yet published", cause);
  }
}
