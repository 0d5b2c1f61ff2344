package org.civitas.ingest.registry;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the registry follower from the service's Kafka settings. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

  @Bean
  RegistryFollower registryFollower(KafkaProperties kafka, RegistrySettings settings) {
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // the registry topic is compacted and owned by policy-service: never auto-create it here
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-registry-follower");
    config.put(
        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.apiTimeout().toMillis());
    return new RegistryFollower(config, settings);
  }

  /** Ready only once the registry is loaded; until then every sensor would look unknown. */
  @Bean
  HealthIndicator registryHealthIndicator(RegistryFollower follower) {
    return () ->
        (follower.isCaughtUp() ? Health.up() : Health.outOfService())
            .withDetail("sensors", follower.size())
            .build();
  }
}
