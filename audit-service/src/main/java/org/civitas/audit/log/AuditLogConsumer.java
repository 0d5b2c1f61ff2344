package org.civitas.audit.log;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.civitas.contract.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Feeds the audit topic into the log on a dedicated thread. Offsets are committed only after the
 * batch's database transaction committed, so a crash redelivers rather than loses records (and
 * eventId deduplication makes redelivery harmless). A batch the database refuses is retried from
 * its first record, so nothing is skipped and order is kept.
 */
@Component
class AuditLogConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AuditLogConsumer.class);

  /** Consecutive failures of a batch after which its records are appended one at a time. */
  static final int ISOLATE_AFTER_FAILURES = 3;

  private final AuditLog auditLog;
  private final ConsumerSettings settings;
  private final KafkaProperties kafkaProperties;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running;
  private final ObjectProvider<MeterRegistry> meters;
  private volatile Consumer<byte[], byte[]> consumer;
  private KafkaClientMetrics consumerMetrics;
  private Thread thread;
  private int failedAttempts;

  AuditLogConsumer(
      AuditLog auditLog,
      ConsumerSettings settings,
      KafkaProperties kafkaProperties,
      ObjectProvider<MeterRegistry> meters) {
    this.meters = meters;
    this.auditLog = auditLog;
    this.settings = settings;
    this.kafkaProperties = kafkaProperties;
  }

  @Override
  public synchronized void start() {
    if (running || !settings.enabled()) {
      return;
    }
    running = true;
    consumer = createConsumer();
    // records-lag-max per partition: how far the log is behind the events waiting in Kafka
    consumerMetrics = new KafkaClientMetrics(consumer);
    meters.ifAvailable(consumerMetrics::bindTo);
    thread = new Thread(this::run, "audit-log-consumer");
    thread.start();
  }

  @Override
  public void stop() {
    Thread current;
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      current = thread;
    }
    stopRequested.countDown();
    consumer.wakeup();
    try {
      if (!stopped.await(30, TimeUnit.SECONDS)) {
        log.warn("audit log consumer did not stop within 30 s");
      }
      current.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private Consumer<byte[], byte[]> createConsumer() {
    Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-log-consumer");
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private void run() {
    try {
      consumer.subscribe(List.of(Topics.AUDIT_EVENTS));
      while (running) {
        try {
          ConsumerRecords<byte[], byte[]> records = consumer.poll(settings.pollTimeout());
          if (!records.isEmpty()) {
            appendAndCommit(records);
          }
        } catch (WakeupException e) {
          // stop() woke the poll; the loop condition decides.
        } catch (RuntimeException e) {
          log.error("consuming audit events failed, retrying in {}", settings.retryBackoff(), e);
          pause(settings.retryBackoff());
        }
      }
    } finally {
      consumerMetrics.close();
      try {
        consumer.close(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        log.debug("closing the audit log consumer failed", e);
      }
      stopped.countDown();
    }
  }

  private void appendAndCommit(ConsumerRecords<byte[], byte[]> records) {
    List<IncomingRecord> batch = new ArrayList<>(records.count());
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    Map<TopicPartition, Long> first = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      batch.add(
          new IncomingRecord(record.topic(), record.partition(), record.offset(), record.value()));
      TopicPartition partition = new TopicPartition(record.topic(), record.partition());
      first.putIfAbsent(partition, record.offset());
      next.put(partition, new OffsetAndMetadata(record.offset() + 1));
    }
    try {
      AppendResult result =
          failedAttempts < ISOLATE_AFTER_FAILURES
              ? auditLog.append(batch)
              : auditLog.appendOneByOne(batch);
      failedAttempts = 0;
      log.debug(
          "appended {} events ({} duplicates, {} dead letters), tree size {}",
          result.appended(),
          result.duplicates(),
          result.deadLettered(),
          result.treeSize());
    } catch (RuntimeException e) {
      failedAttempts++;
      log.warn(
          "appending {} audit records failed, retrying in {}: {}",
          batch.size(),
          settings.retryBackoff(),
          e.getClass().getName());
      rewind(first);
      pause(settings.retryBackoff());
      return;
    }
    try {
      consumer.commitSync(next);
    } catch (WakeupException e) {
      throw e;
    } catch (RuntimeException e) {
      // The events are durable; they will be redelivered and skipped as duplicates.
      log.warn("committing audit offsets failed: {}", e.getClass().getName());
    }
  }

  private void rewind(Map<TopicPartition, Long> first) {
    first.forEach(
        (partition, offset) -> {
          try {
            consumer.seek(partition, offset);
          } catch (IllegalStateException e) {
            // No longer assigned here: its new owner resumes from the last committed offset.
          }
        });
  }

  private void pause(Duration backoff) {
    try {
      stopRequested.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
