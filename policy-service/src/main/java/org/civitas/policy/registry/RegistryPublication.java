package org.civitas.policy.registry;

import java.util.List;
import org.civitas.contract.Topics;
import org.civitas.policy.messaging.KafkaUnavailableException;
import org.civitas.policy.messaging.ReliableProducer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Carries committed registry changes to the in-memory directory and to {@link
 * Topics#REGISTRY_SENSORS} (key sensorId, value SensorRegistration JSON). It always publishes the
 * stored state, one change at a time, so the last record per key on the compacted topic is the
 * latest state even when changes race.
 */
@Component
class RegistryPublication implements DisposableBean {

  /** Kafka did not acknowledge; the change stays pending and is retried. */
  static class Failed extends RuntimeException {
    Failed(Throwable cause) {
      super("the registry topic did not acknowledge", cause);
    }
  }

  private final Sensors sensors;
  private final CachedSensorDirectory directory;
  private final ReliableProducer producer;

  RegistryPublication(
      Sensors sensors,
      CachedSensorDirectory directory,
      RegistrySettings settings,
      @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers) {
    this.sensors = sensors;
    this.directory = directory;
    this.producer =
        new ReliableProducer(
            bootstrapServers, settings.publishTimeout(), "civitas-registry-publisher");
  }

  /**
   * Brings the directory and the topic up to the stored state of one sensor.
   *
   * @throws Failed when Kafka does not acknowledge in time
   */
  synchronized void propagate(String sensorId) {
    sensors
        .find(sensorId)
        .ifPresent(
            stored -> {
              directory.remember(stored);
              if (!stored.published()) {
                send(List.of(stored));
                sensors.markPublished(sensorId, stored.revision());
              }
            });
  }

  /** Publishes every pending change; returns how many were published. */
  synchronized int publishPending() {
    List<String> pending = sensors.findUnpublishedIds();
    pending.forEach(this::propagate);
    return pending.size();
  }

  /**
   * Publishes every stored sensor, pending or not, so that a new or emptied topic holds the whole
   * registry. Returns how many were published.
   */
  synchronized int publishAll() {
    List<Sensors.Stored> all = sensors.findAll();
    all.forEach(directory::remember);
    send(all);
    for (Sensors.Stored stored : all) {
      sensors.markPublished(stored.registration().sensorId(), stored.revision());
    }
    return all.size();
  }

  private void send(List<Sensors.Stored> changes) {
    try {
      producer.sendAll(
          changes.stream()
              .map(
                  stored ->
                      new ReliableProducer.Message(
                          Topics.REGISTRY_SENSORS,
                          stored.registration().sensorId(),
                          stored.registration()))
              .toList());
    } catch (KafkaUnavailableException e) {
      throw new Failed(e);
    }
  }

  @Override
  public void destroy() {
    producer.close();
  }
}
