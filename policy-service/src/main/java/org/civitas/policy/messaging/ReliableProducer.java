package org.civitas.policy.messaging;

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

/**
 * Sends contract messages as JSON and waits until every one is acknowledged by all in-sync
 * replicas, so that callers only move on (commit offsets, answer) once the messages are durable.
 */
public class ReliableProducer implements AutoCloseable {

  /**
   * One message: topic, key and a value serialized with {@link ContractJson}, or a {@code byte[]}
   * holding its JSON already, which is sent as it is.
   */
  public record Message(String topic, String key, Object value) {}

  private final Producer<String, byte[]> producer;
  private final Duration timeout;

  /**
   * @param timeout how long a send may wait for every acknowledgement
   * @param clientId names this producer in broker logs and metrics
   */
  public ReliableProducer(String bootstrapServers, Duration timeout, String clientId) {
    this.timeout = timeout;
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
                5,
                // a governance batch sends up to a few thousand messages at once: with the default
                // 16 KiB per partition batch they left in dozens of requests, five in flight at a
                // time, and the batch waited for each round trip
                ProducerConfig.BATCH_SIZE_CONFIG,
                262_144,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                Math.max(1000, timeoutMs / 2),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                timeoutMs + 1000,
                ProducerConfig.CLIENT_ID_CONFIG,
                clientId),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  /**
   * Sends all messages and blocks until each is acknowledged.
   *
   * @throws KafkaUnavailableException when any message is not acknowledged in time
   */
  public void sendAll(List<Message> messages) {
    start(messages).await();
  }

  /**
   * Hands all messages to the producer and returns without waiting, so that the caller can do other
   * work (a batch's database writes) while the broker acknowledges them; {@link Sending#await} then
   * waits, within the timeout counted from now.
   *
   * @throws KafkaUnavailableException when a message cannot even be handed over
   */
  public Sending start(List<Message> messages) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Future<RecordMetadata>> pending = new ArrayList<>(messages.size());
    try {
      for (Message message : messages) {
        pending.add(
            producer.send(
                new ProducerRecord<>(
                    message.topic(),
                    message.key(),
                    message.value() instanceof byte[] json
                        ? json
                        : ContractJson.mapper().writeValueAsBytes(message.value()))));
      }
    } catch (RuntimeException e) {
      throw new KafkaUnavailableException("Kafka did not take every message", e);
    }
    return new Sending(pending, deadline);
  }

  /** Messages handed to the producer, not yet known to be acknowledged. */
  public static final class Sending {
    private final List<Future<RecordMetadata>> pending;
    private final long deadline;

    private Sending(List<Future<RecordMetadata>> pending, long deadline) {
      this.pending = pending;
      this.deadline = deadline;
    }

    /**
     * Blocks until every message is acknowledged.
     *
     * @throws KafkaUnavailableException when any message is not acknowledged in time
     */
    public void await() {
      try {
        for (Future<RecordMetadata> future : pending) {
          long remaining = Math.max(1, deadline - System.nanoTime());
          future.get(remaining, TimeUnit.NANOSECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaUnavailableException("interrupted while sending", e);
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        throw new KafkaUnavailableException("Kafka did not acknowledge every message", e);
      }
    }
  }

  public void send(Message message) {
    sendAll(List.of(message));
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
