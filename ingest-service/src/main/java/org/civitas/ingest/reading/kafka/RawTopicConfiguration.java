package org.civitas.ingest.reading.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civitas.contract.Topics;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The raw-topic producer: acks=all and idempotent (readings are guaranteed data), lightly lingering
 * and compressed for throughput, with every blocking bound tied to the publish timeout so that a
 * dead broker becomes a 503 within it.
 */
@Configuration(proxyBeanMethods = false)
class RawTopicConfiguration {

  @Bean(destroyMethod = "close")
  KafkaRawReadings rawReadings(KafkaProperties kafka, RawTopicSettings settings) {
    int timeoutMs = (int) settings.publishTimeout().toMillis();
    Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compression());
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, (int) settings.batchSize().toBytes());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2));
    config.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        Math.max(timeoutMs, Math.max(1000, timeoutMs / 2) + (int) settings.linger().toMillis()));
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-raw-readings");
    return new KafkaRawReadings(
        () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
        settings.publishTimeout());
  }

  /** Created only when missing; an existing topic keeps whatever its operators configured. */
  @Bean
  @ConditionalOnProperty(
      name = "civitas.ingest.raw-topic.create-topic",
      havingValue = "true",
      matchIfMissing = true)
  NewTopic rawReadingsTopic(RawTopicSettings settings) {
    return TopicBuilder.name(Topics.READINGS_RAW)
        .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(settings.retention().toMillis()))
        .build();
  }
}
