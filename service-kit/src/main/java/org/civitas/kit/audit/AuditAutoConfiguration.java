package org.civitas.kit.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Gives each service an {@link AuditPublisher} with its own producer: acks=all, idempotent, and
 * short timeouts so that an unreachable broker turns into a 503 within seconds, not minutes.
 */
@AutoConfiguration
public class AuditAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(name = "auditProducer")
  Producer<String, byte[]> auditProducer(
      @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers,
      @Value("${civitas.audit.publish-timeout:PT5S}") Duration timeout) {
    int timeoutMs = (int) timeout.toMillis();
    return new KafkaProducer<>(
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
            "civitas-audit-publisher"),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  @Bean
  @ConditionalOnMissingBean
  AuditPublisher auditPublisher(
      Producer<String, byte[]> auditProducer,
      @Value("${civitas.audit.publish-timeout:PT5S}") Duration timeout,
      ObjectProvider<AuditPublished> observers) {
    return new AuditPublisher(auditProducer, timeout, observers.orderedStream().toList());
  }

  @Bean
  @ConditionalOnMissingBean
  AuditEvents auditEvents(
      @Value("${spring.application.name}") String service, java.util.Optional<Clock> clock) {
    return new AuditEvents(service, clock.orElse(Clock.systemUTC()));
  }
}
