package org.civitas.audit.treehead;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Signs a head once at start, so that there always is one, and then every interval whenever the log
 * grew.
 */
@Component
class TreeHeadSchedule implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(TreeHeadSchedule.class);

  private final TreeHeads treeHeads;
  private final TreeHeadSettings settings;

  TreeHeadSchedule(TreeHeads treeHeads, TreeHeadSettings settings) {
    this.treeHeads = treeHeads;
    this.settings = settings;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        new FixedDelayTask(this::sign, settings.treeHeadInterval(), Duration.ZERO));
  }

  void sign() {
    try {
      treeHeads.signIfGrown();
    } catch (RuntimeException e) {
      log.warn("signing a tree head failed, trying again next interval", e);
    }
  }
}
