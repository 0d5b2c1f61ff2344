package org.civitas.simulator.registry;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Topics;
import org.civitas.contract.registry.SensorRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;

/**
 * Reads the compacted registry topic from the beginning on a daemon thread (no consumer group),
 * keeping the latest registration per sensor; partitions are re-discovered so a topic created later
 * is picked up. The same approach as ingest-service, so both see the registry alike.
 */
final class RegistryFollower implements RegisteredSensors, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RegistryFollower.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration API_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration BACKOFF = Duration.ofSeconds(1);
  private static final Duration REFRESH = Duration.ofSeconds(30);

  private final Map<String, Object> consumerConfig;
  private final Map<String, SensorRegistration> sensors = new ConcurrentHashMap<>();
  private volatile boolean caughtUp;
  private volatile boolean running;
  private volatile Consumer<String, byte[]> consumer;
  private Thread thread;

  RegistryFollower(Map<String, Object> consumerConfig) {
    this.consumerConfig = Map.copyOf(consumerConfig);
  }

  @Override
  public List<SensorRegistration> active() {
    return sensors.values().stream()
        .filter(SensorRegistration::isActive)
        .filter(s -> s.categories() != null && !s.categories().isEmpty())
        .sorted(Comparator.comparing(SensorRegistration::sensorId))
        .toList();
  }

  @Override
  public boolean isCaughtUp() {
    return caughtUp;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::follow, "registry-follower");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    Consumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void follow() {
    try (Consumer<String, byte[]> c =
        new KafkaConsumer<>(
            consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer = c;
      Set<TopicPartition> assigned = Set.of();
      Map<TopicPartition, Long> targets = new HashMap<>();
      long nextDiscovery = 0;
      while (running) {
        try {
          if (System.nanoTime() >= nextDiscovery) {
            assigned = discover(c, assigned, targets);
            nextDiscovery = System.nanoTime() + REFRESH.toNanos();
          }
          if (assigned.isEmpty()) {
            caughtUp = true;
            nextDiscovery = 0;
            pause();
            continue;
          }
          for (ConsumerRecord<String, byte[]> record : c.poll(POLL)) {
            apply(record);
          }
          if (!caughtUp && reached(c, targets)) {
            caughtUp = true;
            log.info("registry loaded: {} sensors", sensors.size());
          }
        } catch (WakeupException e) {
          // stop() asked us to leave the poll
        } catch (KafkaException e) {
          log.warn("registry topic not readable ({}); retrying", e.getClass().getSimpleName());
          pause();
        }
      }
    } catch (RuntimeException e) {
      log.error("registry follower stopped unexpectedly", e);
    } finally {
      consumer = null;
    }
  }

  private Set<TopicPartition> discover(
      Consumer<String, byte[]> c, Set<TopicPartition> assigned, Map<TopicPartition, Long> targets) {
    Set<TopicPartition> found = new HashSet<>();
    for (PartitionInfo partition : c.partitionsFor(Topics.REGISTRY_SENSORS, API_TIMEOUT)) {
      found.add(new TopicPartition(partition.topic(), partition.partition()));
    }
    if (found.equals(assigned) || !found.containsAll(assigned)) {
      return assigned;
    }
    Set<TopicPartition> added = new HashSet<>(found);
    added.removeAll(assigned);
    c.assign(found);
    c.seekToBeginning(added);
    if (!caughtUp) {
      targets.putAll(c.endOffsets(added, API_TIMEOUT));
    }
    return Set.copyOf(found);
  }

  private static boolean reached(Consumer<String, byte[]> c, Map<TopicPartition, Long> targets) {
    for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
      if (c.position(target.getKey(), API_TIMEOUT) < target.getValue()) {
        return false;
      }
    }
    return true;
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      if (record.key() != null) {
        sensors.remove(record.key());
      }
      return;
    }
    try {
      SensorRegistration registration =
          ContractJson.mapper().readValue(record.value(), SensorRegistration.class);
      String sensorId = record.key() != null ? record.key() : registration.sensorId();
      if (sensorId != null && registration.sensorId() != null) {
        sensors.put(sensorId, registration);
      }
    } catch (JacksonException e) {
      log.warn(
          "ignoring unreadable registration at partition {} offset {}",
          record.partition(),
          record.offset());
    }
  }

  private void pause() {
    try {
      Thread.sleep(BACKOFF.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
