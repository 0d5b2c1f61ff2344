package org.civitas.policy.document;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How a category's readings are reduced before they are stored. Attributes not listed are dropped
 * (allow-list); a missing location action drops the location.
 *
 * @param truncateTo observedAt is floored to a multiple of this duration since the epoch; null
 *     keeps the time as observed
 */
public record Minimization(
    Duration truncateTo, LocationAction location, Map<String, AttributeAction> attributes) {

  public Minimization {
    attributes = Map.copyOf(attributes);
  }

  public Optional<Duration> observedAtTruncation() {
    return Optional.ofNullable(truncateTo);
  }
}
