package org.civitas.kit.audit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Topics;
import org.civitas.contract.audit.AuditEvent;

/**
 * Writes audit events to {@link Topics#AUDIT_EVENTS} and waits for the broker's acknowledgement
 * (acks=all) before returning, so that callers return data only once its access is on record.
 */
public class AuditPublisher {

  private final Producer<String, byte[]> producer;
  private final Duration timeout;
  private final List<AuditPublished> observers;

  public AuditPublisher(Producer<String, byte[]> producer, Duration timeout) {
    this(producer, timeout, List.of());
  }

  public AuditPublisher(
      Producer<String, byte[]> producer, Duration timeout, List<AuditPublished> observers) {
    this.producer = producer;
    this.timeout = timeout;
    this.observers = List.copyOf(observers);
  }

  /**
   * Publishes one event and blocks until it is durably written.
   *
   * @throws AuditUnavailableException when Kafka does not acknowledge in time
   */
  public void publish(AuditEvent event) {
    byte[] value = ContractJson.mapper().writeValueAsBytes(event);
    String key = event.actor() == null ? "anonymous" : event.actor().subject();
    try {
      producer
          .send(new ProducerRecord<>(Topics.AUDIT_EVENTS, key, value))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuditUnavailableException("interrupted while writing the audit event", e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new AuditUnavailableException("the audit log did not acknowledge the event", e);
    }
    for (AuditPublished observer : observers) {
      try {
        observer.published(event);
      } catch (RuntimeException e) {
        // observers only count; the event is on record whatever they do
      }
    }
  }
}
