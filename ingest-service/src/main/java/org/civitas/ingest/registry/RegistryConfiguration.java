package org.civitas.ingest.registry;

import org.civitas.registryclient.FollowTiming;
import org.civitas.registryclient.RegistryTopicFollower;
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
    return new RegistryFollower(
        new RegistryTopicFollower<>(
            kafka.buildConsumerProperties(),
            "ingest-registry-follower",
            new FollowTiming(
                settings.pollTimeout(),
                settings.partitionRefresh(),
                settings.retryBackoff(),
                settings.apiTimeout()),
            RegisteredSensor::of));
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
