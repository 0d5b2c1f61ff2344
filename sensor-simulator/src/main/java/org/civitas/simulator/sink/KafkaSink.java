package org.civitas.simulator.sink;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Topics;
import org.civitas.contract.reading.Reading;

/**
 * Publishes straight to {@link Topics#READINGS_RAW}, keyed by sensorId, as a sensor gateway inside
 * the platform would. Acknowledgements are counted asynchronously.
 */
public final class KafkaSink implements ReadingSink {

  private final Producer<String, byte[]> producer;
  private final SinkStats stats = new SinkStats();

  /**
   * @param producerConfig acks=all, idempotent producer settings
   */
  public KafkaSink(Map<String, Object> producerConfig) {
    this.producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
  }

  @Override
  public boolean serves(String vendorId) {
    return true;
  }

  @Override
  public void send(String vendorId, List<Reading> readings) {
    for (Reading reading : readings) {
      try {
        producer.send(
            new ProducerRecord<>(
                Topics.READINGS_RAW,
                reading.sensorId(),
                ContractJson.mapper().writeValueAsBytes(reading)),
            (metadata, error) -> {
              if (error == null) {
                stats.delivered(1);
              } else {
                stats.failed(1, error.getClass().getSimpleName());
              }
            });
        stats.sent(1);
      } catch (RuntimeException e) {
        stats.failed(1, e.getClass().getSimpleName());
      }
    }
  }

  @Override
  public SinkStats stats() {
    return stats;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
