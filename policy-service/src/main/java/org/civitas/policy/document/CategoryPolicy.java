package org.civitas.policy.document;

import java.time.Duration;
import java.util.List;

/** What the policy says about one category of readings. */
public record CategoryPolicy(
    Duration retention, Residency residency, Minimization minimization, List<AccessRule> access) {

  public CategoryPolicy {
    access = List.copyOf(access);
  }
}
