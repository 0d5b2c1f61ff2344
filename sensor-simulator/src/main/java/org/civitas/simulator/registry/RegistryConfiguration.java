package org.civitas.simulator.registry;

import java.util.function.Function;
import org.civitas.registryclient.FollowTiming;
import org.civitas.registryclient.RegistryTopicFollower;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the registry follower from the Kafka settings. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

  @Bean
  RegistryFollower registryFollower(KafkaProperties kafka) {
    return new RegistryFollower(
        new RegistryTopicFollower<>(
            kafka.buildConsumerProperties(),
            "simulator-registry-follower",
            FollowTiming.defaults(),
            Function.identity()));
  }
}
