package org.civitas.registryclient;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
import tools.jackson.core.JacksonException;

/**
 * Reads the compacted registry topic from the beginning on a daemon thread, keeping the latest
 * registration per sensor in memory as a view of type {@code T}. No consumer group: every instance
 * reads everything, and partitions are re-discovered so that a topic created or grown later is
 * picked up.
 */
public final class RegistryTopicFollower<T> {

  private static final Logger log = LoggerFactory.getLogger(RegistryTopicFollower.class);

  private final Map<String, Object> consumerConfig;
  private final FollowTiming timing;
  private final Function<SensorRegistration, T> view;
  private final Map<String, T> sensors = new ConcurrentHashMap<>();
  private volatile boolean caughtUp;
  private volatile boolean running;
  private volatile Consumer<String, byte[]> consumer;
  private Thread thread;

  /**
   * @param kafkaConsumerProperties the service's Kafka consumer settings (bootstrap servers,
   *     security); group and offset settings are replaced
   * @param clientId names this follower in broker logs and metrics
   * @param view what to keep per sensor, computed once per registration rather than per look-up
   */
  public RegistryTopicFollower(
      Map<String, Object> kafkaConsumerProperties,
      String clientId,
      FollowTiming timing,
      Function<SensorRegistration, T> view) {
    Map<String, Object> config = new HashMap<>(kafkaConsumerProperties);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // the registry topic is compacted and owned by policy-service: never auto-create it here
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timing.apiTimeout().toMillis());
    this.consumerConfig = Map.copyOf(config);
    this.timing = timing;
    this.view = view;
  }

  /** The latest registration of the sensor, active or decommissioned; empty if never seen. */
  public Optional<T> find(String sensorId) {
    return sensorId == null ? Optional.empty() : Optional.ofNullable(sensors.get(sensorId));
  }

  /** Every sensor currently registered, in no particular order. */
  public Collection<T> all() {
    return List.copyOf(sensors.values());
  }

  /**
   * Whether the registry has been read up to where it stood when following began; before that an
   * unknown sensor may only be not yet seen.
   */
  public boolean isCaughtUp() {
    return caughtUp;
  }

  public int size() {
    return sensors.size();
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::follow, "registry-follower");
    thread.setDaemon(true);
    thread.start();
  }

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

  public boolean isRunning() {
    return running;
  }

  private void follow() {
    try (Consumer<String, byte[]> c =
        new KafkaConsumer<>(
            consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer = c;
      Position position = new Position();
      while (running) {
        try {
          step(c, position);
        } catch (WakeupException e) {
          // stop() asked us to leave the poll
        } catch (KafkaException e) {
          log.warn(
              "registry topic not readable right now ({}); retrying", e.getClass().getSimpleName());
          pause();
        }
      }
    } catch (RuntimeException e) {
      log.error("registry follower stopped unexpectedly", e);
    } finally {
      consumer = null;
    }
  }

  private void step(Consumer<String, byte[]> c, Position position) {
    long now = System.nanoTime();
    if (now >= position.nextDiscovery) {
      discover(c, position);
      position.nextDiscovery = now + timing.partitionRefresh().toNanos();
    }
    if (position.assigned.isEmpty()) {
      // the topic does not exist yet: nothing to read, so the (empty) registry is complete
      caughtUp = true;
      position.nextDiscovery = Math.min(position.nextDiscovery, now);
      pause();
      return;
    }
    ConsumerRecords<String, byte[]> records = c.poll(timing.pollTimeout());
    for (ConsumerRecord<String, byte[]> record : records) {
      apply(record);
    }
    if (!caughtUp) {
      caughtUp = reached(c, position.catchUpTargets);
      if (caughtUp) {
        log.info("registry loaded: {} sensors", sensors.size());
      }
    }
  }

  private void discover(Consumer<String, byte[]> c, Position position) {
    List<PartitionInfo> partitions = c.partitionsFor(Topics.REGISTRY_SENSORS, timing.apiTimeout());
    Set<TopicPartition> found = new HashSet<>();
    for (PartitionInfo partition : partitions) {
      found.add(new TopicPartition(partition.topic(), partition.partition()));
    }
    if (found.equals(position.assigned) || !found.containsAll(position.assigned)) {
      return;
    }
    Set<TopicPartition> added = new HashSet<>(found);
    added.removeAll(position.assigned);
    c.assign(found);
    c.seekToBeginning(added);
    if (!caughtUp) {
      position.catchUpTargets.putAll(c.endOffsets(added, timing.apiTimeout()));
    }
    position.assigned = Set.copyOf(found);
    log.info("following {} partition(s) of the registry topic", found.size());
  }

  private boolean reached(Consumer<String, byte[]> c, Map<TopicPartition, Long> targets) {
    for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
      if (c.position(target.getKey(), timing.apiTimeout()) < target.getValue()) {
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
    SensorRegistration registration;
    try {
      registration = ContractJson.mapper().readValue(record.value(), SensorRegistration.class);
    } catch (JacksonException e) {
      log.warn(
          "ignoring unreadable registration at partition {} offset {}",
          record.partition(),
          record.offset());
      return;
    }
    String sensorId = record.key() != null ? record.key() : registration.sensorId();
    if (sensorId == null || registration.sensorId() == null) {
      return;
    }
    sensors.put(sensorId, view.apply(registration));
  }

  private void pause() {
    try {
      Thread.sleep(timing.retryBackoff().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Where the follower stands; touched only by the follower thread. */
  private static final class Position {
    Set<TopicPartition> assigned = Set.of();
    final Map<TopicPartition, Long> catchUpTargets = new HashMap<>();
    long nextDiscovery;
  }
}
