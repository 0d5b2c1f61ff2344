package org.civitas.policy.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Topics;
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
  private final Duration timeout;
  private final Producer<String, byte[]> producer;

  RegistryPublication(
      Sensors sensors,
      CachedSensorDirectory directory,
      RegistrySettings settings,
      @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers) {
    this.sensors = sensors;
    this.directory = directory;
    this.timeout = settings.publishTimeout();
    int timeoutMs = (int) timeout.toMillis();
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                Math.max(1000, timeoutMs / 2),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                timeoutMs + 1000,
                ProducerConfig.CLIENT_ID_CONFIG,
                "civitas-registry-publisher"),
            new StringSerializer(),
            new ByteArraySerializer());
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
                await(send(stored));
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
    List<Future<RecordMetadata>> sent = new ArrayList<>(all.size());
    for (Sensors.Stored stored : all) {
      directory.remember(stored);
      sent.add(send(stored));
    }
    for (int i = 0; i < all.size(); i++) {
      await(sent.get(i));
      Sensors.Stored stored = all.get(i);
      sensors.markPublished(stored.registration().sensorId(), stored.revision());
    }
    return all.size();
  }

  private Future<RecordMetadata> send(Sensors.Stored stored) {
    try {
      return producer.send(
          new ProducerRecord<>(
              Topics.REGISTRY_SENSORS,
              stored.registration().sensorId(),
              ContractJson.mapper().writeValueAsBytes(stored.registration())));
    } catch (RuntimeException e) {
      throw new Failed(e);
    }
  }

  private void await(Future<RecordMetadata> sent) {
    try {
      sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failed(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new Failed(e);
    }
  }

  @Override
  public void destroy() {
    producer.close(timeout);
  }
}
