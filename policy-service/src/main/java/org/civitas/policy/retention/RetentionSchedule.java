package org.civitas.policy.retention;

import java.time.Duration;
import java.util.List;
import org.civitas.policy.document.CategoryPolicy;
import org.civitas.policy.governance.GovernedPartitions;
import org.civitas.policy.versions.ActivePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What retention does by itself: the sweep every {@code civitas.retention.sweep-interval}, and the
 * partitions for the coming days created at start-up and every {@code
 * civitas.retention.partition-maintenance-interval}.
 */
@Component
class RetentionSchedule {

  private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

  private final RetentionSweep sweep;
  private final GovernedPartitions partitions;
  private final ActivePolicy activePolicy;
  private final RetentionSettings settings;

  RetentionSchedule(
      RetentionSweep sweep,
      GovernedPartitions partitions,
      ActivePolicy activePolicy,
      RetentionSettings settings) {
    this.sweep = sweep;
    this.partitions = partitions;
    this.activePolicy = activePolicy;
    this.settings = settings;
  }

  @Scheduled(
      fixedDelayString = "${civitas.retention.sweep-interval:PT15M}",
      initialDelayString = "${civitas.retention.sweep-interval:PT15M}")
  void sweep() {
    try {
      sweep.sweepBySystem();
    } catch (RuntimeException e) {
      log.warn("retention sweep failed ({}); the next one retries", e.getClass().getName());
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStartup() {
    createPartitionsAhead();
  }

  @Scheduled(
      fixedDelayString = "${civitas.retention.partition-maintenance-interval:PT1H}",
      initialDelayString = "${civitas.retention.partition-maintenance-interval:PT1H}")
  void createPartitionsAhead() {
    try {
      List<Duration> retentions =
          activePolicy
              .compiled()
              .map(
                  policy ->
                      policy.document().categories().values().stream()
                          .map(CategoryPolicy::retention)
                          .distinct()
                          .toList())
              .orElse(List.of());
      partitions.ensureAhead(retentions, settings.partitionsAhead());
    } catch (RuntimeException e) {
      log.warn("could not create partitions ahead ({}); will retry", e.getClass().getName());
    }
  }
}
