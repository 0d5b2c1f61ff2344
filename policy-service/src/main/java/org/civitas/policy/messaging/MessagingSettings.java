package org.civitas.policy.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the service's producer and owned topics.
 *
 * @param sendTimeout how long a send waits for the broker's acknowledgement
 * @param topicPartitions partitions of the governed and quarantine topics when created here
 * @param replicationFactor replication of topics created here (1 for a single broker)
 */
@ConfigurationProperties("civitas.kafka")
record MessagingSettings(Duration sendTimeout, Integer topicPartitions, Short replicationFactor) {

  MessagingSettings {
    sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
    topicPartitions = topicPartitions == null ? 6 : topicPartitions;
    replicationFactor = replicationFactor == null ? 1 : replicationFactor;
  }
}
