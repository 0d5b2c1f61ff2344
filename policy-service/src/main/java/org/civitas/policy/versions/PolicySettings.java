package org.civitas.policy.versions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of policy versions.
 *
 * @param refreshInterval how often the latest version is looked up, to follow versions published by
 *     other instances (and to retry the first-start bootstrap if it failed)
 * @param maxDocumentChars largest document accepted for publication
 */
@ConfigurationProperties("civitas.policy")
record PolicySettings(Duration refreshInterval, Integer maxDocumentChars) {

  PolicySettings {
    refreshInterval = refreshInterval == null ? Duration.ofSeconds(10) : refreshInterval;
    maxDocumentChars = maxDocumentChars == null ? 256 * 1024 : maxDocumentChars;
  }
}
