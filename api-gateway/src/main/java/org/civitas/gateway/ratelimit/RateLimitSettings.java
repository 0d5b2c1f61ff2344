package org.civitas.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sustained rates and bursts per client. Generous for authenticated clients (a vendor pushing
 * batches, a dashboard polling), tighter for anonymous callers of the public pages.
 *
 * @param enabled switches the limits off, e.g. for load tests behind another limiter
 * @param requestsPerSecond sustained rate for one token subject
 * @param burst requests one token subject may make at once after being idle
 * @param anonymousRequestsPerSecond sustained rate for one remote address without a token
 * @param anonymousBurst requests one remote address may make at once after being idle
 */
@ConfigurationProperties("civitas.gateway.rate-limit")
record RateLimitSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("200") double requestsPerSecond,
    @DefaultValue("400") int burst,
    @DefaultValue("20") double anonymousRequestsPerSecond,
    @DefaultValue("40") int anonymousBurst) {

  RateLimitSettings {
    if (!(requestsPerSecond > 0) || !(anonymousRequestsPerSecond > 0)) {
      throw new IllegalArgumentException("rate-limit rates must be positive");
    }
    if (burst < 1 || anonymousBurst < 1) {
      throw new IllegalArgumentException("rate-limit bursts must be at least 1");
    }
  }
}
