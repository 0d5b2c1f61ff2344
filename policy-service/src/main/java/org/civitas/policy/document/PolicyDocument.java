package org.civitas.policy.document;

import java.util.Map;
import java.util.Optional;

/**
 * One validated policy document (CONTRACT §6): the region this deployment stores data in and, per
 * category, retention, residency, minimization and access rules.
 */
public record PolicyDocument(String region, Map<String, CategoryPolicy> categories) {

  public PolicyDocument {
    categories = Map.copyOf(categories);
  }

  public Optional<CategoryPolicy> category(String name) {
    return Optional.ofNullable(name).map(categories::get);
  }
}
