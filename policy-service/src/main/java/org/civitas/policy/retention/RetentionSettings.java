package org.civitas.policy.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of retention.
 *
 * @param sweepInterval pause between two scheduled sweeps (the first runs one interval after start)
 * @param rawTopicRetention retention.ms set on the raw topic at start-up (CONTRACT §5: short)
 * @param applyToStored whether a new policy version's retention recomputes {@code expiresAt} of
 *     readings already stored (CONTRACT §6 "as configured"); when false it applies to new readings
 *     only
 * @param partitionsAhead how far ahead of arrivals day partitions are created
 * @param partitionMaintenanceInterval pause between two rounds of creating partitions ahead
 */
@ConfigurationProperties("civitas.retention")
public record RetentionSettings(
    Duration sweepInterval,
    Duration rawTopicRetention,
    Boolean applyToStored,
    Duration partitionsAhead,
    Duration partitionMaintenanceInterval) {

  public RetentionSettings {
    sweepInterval = sweepInterval == null ? Duration.ofMinutes(15) : sweepInterval;
    rawTopicRetention = rawTopicRetention == null ? Duration.ofHours(1) : rawTopicRetention;
    applyToStored = applyToStored == null || applyToStored;
    partitionsAhead = partitionsAhead == null ? Duration.ofDays(7) : partitionsAhead;
    partitionMaintenanceInterval =
        partitionMaintenanceInterval == null ? Duration.ofHours(1) : partitionMaintenanceInterval;
  }
}
