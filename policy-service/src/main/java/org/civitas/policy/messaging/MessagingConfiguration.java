package org.civitas.policy.messaging;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

  @Bean(destroyMethod = "close")
  ReliableProducer reliableProducer(
      @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers,
      MessagingSettings settings) {
    new OwnedTopics(bootstrapServers, settings).ensure();
    return new ReliableProducer(bootstrapServers, settings.sendTimeout(), "civitas-policy-service");
  }
}
