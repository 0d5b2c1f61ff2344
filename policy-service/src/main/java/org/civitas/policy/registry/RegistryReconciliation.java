package org.civitas.policy.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the registry topic complete: at startup it creates or fixes the topic, registers the demo
 * seed and republishes every sensor once (so a fresh topic holds the whole registry); afterwards it
 * retries whatever a Kafka outage left unpublished. Steps that failed are retried on the next run.
 */
@Component
class RegistryReconciliation {

  private static final Logger log = LoggerFactory.getLogger(RegistryReconciliation.class);

  private final RegistryTopic topic;
  private final RegistrySeed seed;
  private final RegistryPublication publication;

  private boolean topicReady;
  private boolean seeded;
  private boolean republished;

  RegistryReconciliation(RegistryTopic topic, RegistrySeed seed, RegistryPublication publication) {
    this.topic = topic;
    this.seed = seed;
    this.publication = publication;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStartup() {
    reconcile();
  }

  @Scheduled(
      initialDelayString = "${civitas.registry.reconcile-interval:PT10S}",
      fixedDelayString = "${civitas.registry.reconcile-interval:PT10S}")
  synchronized void reconcile() {
    try {
      if (!topicReady) {
        topic.ensureCompacted();
        topicReady = true;
      }
      if (!seeded) {
        seed.registerMissing();
        seeded = true;
      }
      if (!republished) {
        int count = publication.publishAll();
        republished = true;
        log.info("republished {} sensor registration(s)", count);
      } else {
        int count = publication.publishPending();
        if (count > 0) {
          log.info("published {} pending sensor registration change(s)", count);
        }
      }
    } catch (RuntimeException e) {
      // class names only: driver messages can quote row values
      log.warn(
          "registry reconciliation incomplete, will retry: {} (cause: {})",
          e.getClass().getName(),
          e.getCause() == null ? "none" : e.getCause().getClass().getName());
    }
  }
}
