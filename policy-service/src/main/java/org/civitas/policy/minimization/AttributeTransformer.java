package org.civitas.policy.minimization;

import java.time.Instant;
import java.util.Map;

/** One compiled attribute action: writes the minimized value (or nothing) into the output. */
@FunctionalInterface
interface AttributeTransformer {

  void apply(String name, Object value, Instant observedAt, Map<String, Object> out);
}
