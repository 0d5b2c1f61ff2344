package org.civitas.ingest.reading.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.civitas.contract.Topics;
import org.civitas.ingest.reading.RawReadings;
import org.civitas.ingest.reading.RawReadingsUnavailableException;
import org.civitas.ingest.reading.ValidReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes readings to {@link Topics#READINGS_RAW} keyed by sensorId: all sends first, so they share
 * batches, then one wait for every acknowledgement within the publish timeout. A producer that hit
 * a non-retriable error is replaced, so that one bad episode does not poison later requests.
 */
final class KafkaRawReadings implements RawReadings, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaRawReadings.class);

  private final Supplier<Producer<String, byte[]>> producers;
  private final Duration timeout;
  private volatile Producer<String, byte[]> producer;

  KafkaRawReadings(Supplier<Producer<String, byte[]>> producers, Duration timeout) {
    this.producers = producers;
    this.timeout = timeout;
    this.producer = producers.get();
  }

  @Override
  public void publishAll(List<ValidReading> readings) {
    if (readings.isEmpty()) {
      return;
    }
    Producer<String, byte[]> current = producer;
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Future<RecordMetadata>> acks = new ArrayList<>(readings.size());
    try {
      for (ValidReading reading : readings) {
        Future<RecordMetadata> ack =
            current.send(
                new ProducerRecord<>(Topics.READINGS_RAW, reading.sensorId(), reading.json()));
        // a send that failed at once (typically after blocking up to max.block.ms on metadata
        // while the broker is away) fails the whole request now: trying every other reading would
        // wait out that bound once per reading, far past the publish timeout
        if (ack.isDone() || System.nanoTime() > deadline) {
          ack.get(0, TimeUnit.NANOSECONDS);
        }
        acks.add(ack);
      }
      for (Future<RecordMetadata> ack : acks) {
        ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RawReadingsUnavailableException("interrupted while writing readings", e);
    } catch (ExecutionException e) {
      throw failed(current, e.getCause());
    } catch (TimeoutException | RuntimeException e) {
      throw failed(current, e);
    }
  }

  private RawReadingsUnavailableException failed(Producer<String, byte[]> used, Throwable cause) {
    log.warn(
        "raw topic did not acknowledge a request's readings ({})",
        cause == null ? "unknown" : cause.getClass().getSimpleName());
    if (!(cause instanceof RetriableException) && !(cause instanceof TimeoutException)) {
      renew(used);
    }
    return new RawReadingsUnavailableException("Kafka did not acknowledge the readings", cause);
  }

  private synchronized void renew(Producer<String, byte[]> used) {
    if (producer != used) {
      return;
    }
    try {
      producer = producers.get();
    } catch (RuntimeException e) {
      log.warn("could not create a new raw-topic producer ({})", e.getClass().getSimpleName());
      return;
    }
    used.close(Duration.ZERO);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
