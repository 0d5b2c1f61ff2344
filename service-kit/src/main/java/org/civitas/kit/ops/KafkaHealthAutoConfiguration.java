package org.civitas.kit.ops;

import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** A {@code kafka} health contributor wherever a service talks to Kafka. */
@AutoConfiguration
@ConditionalOnClass({Admin.class, HealthIndicator.class})
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
public class KafkaHealthAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
  KafkaClusterHealth kafkaHealthIndicator(Environment environment) {
    return new KafkaClusterHealth(
        environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
        environment.getProperty(
            "civitas.health.kafka.timeout", java.time.Duration.class, KafkaClusterHealth.TIMEOUT));
  }
}
