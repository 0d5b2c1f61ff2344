package org.civitas.policy.versions;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The version in force as a gauge, so dashboards show when a new policy took effect. */
@Component
class ActivePolicyMetrics {

  static final String ACTIVE_VERSION_METER = "civitas.policy.active.version";

  ActivePolicyMetrics(ActivePolicy activePolicy, MeterRegistry meters) {
    Gauge.builder(
            ACTIVE_VERSION_METER,
            activePolicy,
            active -> active.current().map(a -> (double) a.version().version()).orElse(0.0))
        .description("version of the active policy (0 before the first one is loaded)")
        .register(meters);
  }
}
