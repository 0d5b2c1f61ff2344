package org.civitas.policy.governance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the raw-readings consumer.
 *
 * @param enabled whether this instance consumes the raw topic
 * @param groupId consumer group; instances sharing it share the partitions
 * @param maxPollRecords readings handled per batch (one database transaction each)
 * @param pollTimeout longest wait for new readings per poll
 * @param retryBackoff first wait after a failed batch; doubles up to {@code maxRetryBackoff}
 */
@ConfigurationProperties("civitas.ingestion")
record IngestionSettings(
    Boolean enabled,
    String groupId,
    Integer maxPollRecords,
    Duration pollTimeout,
    Duration retryBackoff,
    Duration maxRetryBackoff) {

  IngestionSettings {
    enabled = enabled == null || enabled;
    groupId = groupId == null ? "policy-service" : groupId;
    maxPollRecords = maxPollRecords == null ? 500 : maxPollRecords;
    pollTimeout = pollTimeout == null ? Duration.ofSeconds(1) : pollTimeout;
    retryBackoff = retryBackoff == null ? Duration.ofSeconds(1) : retryBackoff;
    maxRetryBackoff = maxRetryBackoff == null ? Duration.ofSeconds(30) : maxRetryBackoff;
  }
}
