package org.civitas.policy.registry;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sensor registry.
 *
 * @param seed resource location of sensors to register at startup when missing (demo setups), e.g.
 *     {@code classpath:registry/demo-sensors.json}; none by default
 * @param extraCategories categories accepted besides the built-ins of CONTRACT §4.1 and those of
 *     the active policy
 * @param publishTimeout how long a registration waits for Kafka to acknowledge its publication
 * @param topicPartitions partitions of {@code civitas.registry.sensors} when this service creates
 *     it
 */
@ConfigurationProperties("civitas.registry")
record RegistrySettings(
    String seed, List<String> extraCategories, Duration publishTimeout, Integer topicPartitions) {

  RegistrySettings {
    extraCategories = extraCategories == null ? List.of() : List.copyOf(extraCategories);
    publishTimeout = publishTimeout == null ? Duration.ofSeconds(5) : publishTimeout;
    topicPartitions = topicPartitions == null ? 1 : topicPartitions;
  }

  boolean seeds() {
    return seed != null && !seed.isBlank();
  }
}
