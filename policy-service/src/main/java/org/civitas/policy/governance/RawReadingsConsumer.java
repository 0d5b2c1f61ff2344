package org.civitas.policy.governance;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civitas.contract.Topics;
import org.civitas.policy.governance.GovernedIngestion.BatchOutcome;
import org.civitas.policy.governance.GovernedIngestion.RawRecord;
import org.civitas.policy.minimization.CompiledPolicy;
import org.civitas.policy.versions.ActivePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Consumes {@link Topics#READINGS_RAW} on {@code civitas.ingestion.consumers} threads of its own,
 * each with its own Kafka consumer in the group, so partitions are spread over them like over
 * instances. A batch spends most of its time waiting (database, Kafka acknowledgements, fsync of
 * the commit); several workers overlap those waits and get their fair share of a busy machine's
 * CPU. Offsets are committed only after a batch's database transaction has committed; a failed
 * batch is rewound and retried with backoff, so no reading is lost and none is stored twice.
 * Undecodable records are quarantined by the batch like any refusal, so they never block their
 * partition.
 */
@Component
class RawReadingsConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RawReadingsConsumer.class);

  private final GovernedIngestion ingestion;
  private final ActivePolicy activePolicy;
  private final IngestionSettings settings;
  private final Map<String, Object> consumerConfig;
  private final ObjectProvider<MeterRegistry> meters;
  private volatile boolean running;
  private final List<KafkaConsumer<String, byte[]>> consumers = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  RawReadingsConsumer(
      GovernedIngestion ingestion,
      ActivePolicy activePolicy,
      IngestionSettings settings,
      @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers,
      ObjectProvider<MeterRegistry> meters) {
    this.ingestion = ingestion;
    this.meters = meters;
    this.activePolicy = activePolicy;
    this.settings = settings;
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
    config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, settings.fetchMinBytes());
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) settings.fetchMaxWait().toMillis());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumerConfig = Map.copyOf(config);
  }

  /** The configuration every worker's Kafka consumer starts from. */
  Map<String, Object> consumerConfig() {
    return consumerConfig;
  }

  @Override
  public synchronized void start() {
    if (running || !settings.enabled()) {
      return;
    }
    running = true;
    for (int worker = 0; worker < settings.consumers(); worker++) {
      String clientId = "civitas-policy-raw-readings-" + worker;
      Thread thread = new Thread(() -> run(clientId), "raw-readings-consumer-" + worker);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  @Override
  public void stop() {
    List<Thread> current;
    synchronized (this) {
      running = false;
      current = List.copyOf(threads);
      threads.clear();
    }
    consumers.forEach(KafkaConsumer::wakeup);
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    for (Thread thread : current) {
      try {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run(String clientId) {
    Map<String, Object> config = new HashMap<>(consumerConfig);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    KafkaConsumer<String, byte[]> kafka =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    consumers.add(kafka);
    // records-lag-max per worker and partition: how far governance is behind ingest
    KafkaClientMetrics metrics = new KafkaClientMetrics(kafka);
    meters.ifAvailable(metrics::bindTo);
    try (kafka;
        metrics) {
      if (!running) {
        return; // stopped before this worker's consumer could be woken up
      }
      CompiledPolicy policy = awaitActivePolicy();
      if (policy == null) {
        return;
      }
      kafka.subscribe(List.of(Topics.READINGS_RAW));
      Duration backoff = settings.retryBackoff();
      while (running) {
        ConsumerRecords<String, byte[]> records = kafka.poll(settings.pollTimeout());
        if (records.isEmpty()) {
          continue;
        }
        // the policy in force when the batch is handled, one whole version per batch
        policy = activePolicy.compiled().orElse(policy);
        try {
          BatchOutcome outcome = ingestion.process(raw(records), policy);
          kafka.commitSync(nextOffsets(records));
          backoff = settings.retryBackoff();
          log.debug(
              "raw readings batch: {} stored, {} duplicates, {} quarantined",
              outcome.stored(),
              outcome.duplicates(),
              outcome.quarantined());
        } catch (WakeupException e) {
          throw e;
        } catch (RuntimeException e) {
          // exception messages may quote values; the class name is enough to diagnose
          log.warn(
              "batch of {} raw readings failed ({}); retrying in {}",
              records.count(),
              e.getClass().getName(),
              backoff);
          rewind(kafka, records);
          pause(backoff);
          backoff = min(backoff.multipliedBy(2), settings.maxRetryBackoff());
        }
      }
    } catch (WakeupException e) {
      if (running) {
        log.error("raw readings consumer woken up unexpectedly", e);
      }
    } catch (RuntimeException e) {
      log.error("raw readings consumer stopped ({})", e.getClass().getName());
    } finally {
      consumers.removeIf(c -> c == kafka);
    }
  }

  private CompiledPolicy awaitActivePolicy() {
    while (running) {
      Optional<CompiledPolicy> policy = activePolicy.compiled();
      if (policy.isPresent()) {
        return policy.get();
      }
      pause(Duration.ofMillis(500));
    }
    return null;
  }

  private static List<RawRecord> raw(ConsumerRecords<String, byte[]> records) {
    List<RawRecord> raw = new ArrayList<>(records.count());
    records.forEach(record -> raw.add(new RawRecord(record.key(), record.value())));
    return raw;
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
      ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
      offsets.put(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
    }
    return offsets;
  }

  /** Seeks back to the batch's first records, so the next poll returns them again. */
  private static void rewind(
      KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      if (kafka.assignment().contains(partition)) {
        kafka.seek(partition, records.records(partition).get(0).offset());
      }
    }
  }

  private void pause(Duration duration) {
    long deadline = System.nanoTime() + duration.toNanos();
    while (running && System.nanoTime() < deadline) {
      LockSupport.parkNanos(
          Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(100)));
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
