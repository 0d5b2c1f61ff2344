package org.civitas.policy.governance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the governed store's layout.
 *
 * @param ddlLockTimeout longest wait for the locks that creating (or detaching) a partition needs;
 *     rather than queueing behind a long export and stalling every query behind it, the change is
 *     given up and retried later
 */
@ConfigurationProperties("civitas.governed-store")
public record GovernedStoreSettings(Duration ddlLockTimeout) {

  public GovernedStoreSettings {
    ddlLockTimeout = ddlLockTimeout == null ? Duration.ofSeconds(5) : ddlLockTimeout;
  }
}
