package org.civitas.policy.pseudonym;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of pseudonym keys.
 *
 * @param grace how long after its rotation period ends a key is still used, for late readings
 * @param destroyInterval how often expired keys are looked for and destroyed
 */
@ConfigurationProperties("civitas.pseudonym")
record PseudonymSettings(Duration grace, Duration destroyInterval) {

  PseudonymSettings {
    grace = grace == null ? Duration.ofHours(1) : grace;
    destroyInterval = destroyInterval == null ? Duration.ofMinutes(1) : destroyInterval;
  }
}
