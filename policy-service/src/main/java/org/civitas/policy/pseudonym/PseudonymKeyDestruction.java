package org.civitas.policy.pseudonym;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Destroys expired pseudonym keys on a schedule. */
@Component
class PseudonymKeyDestruction {

  private static final Logger log = LoggerFactory.getLogger(PseudonymKeyDestruction.class);

  private final PseudonymKeyStore store;

  PseudonymKeyDestruction(PseudonymKeyStore store) {
    this.store = store;
  }

  @Scheduled(
      fixedDelayString = "${civitas.pseudonym.destroy-interval:PT1M}",
      initialDelayString = "${civitas.pseudonym.destroy-interval:PT1M}")
  void destroyExpiredKeys() {
    try {
      int destroyed = store.destroyExpired();
      if (destroyed > 0) {
        log.info("destroyed {} expired pseudonym keys", destroyed);
      }
    } catch (RuntimeException e) {
      log.warn("could not destroy expired pseudonym keys ({}); will retry", e.getClass().getName());
    }
  }
}
