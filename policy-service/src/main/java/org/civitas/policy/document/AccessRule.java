package org.civitas.policy.document;

import java.util.List;
import java.util.Set;

/**
 * Who may read a category, for which purpose, at which granularity. Access is denied unless a rule
 * permits it.
 *
 * @param minCount smallest aggregate cell shown (aggregate rules); null for record rules
 * @param requires legal bases the request must carry, e.g. {@code warrantRef}
 */
public record AccessRule(
    String purpose,
    Set<String> roles,
    Granularity granularity,
    Integer minCount,
    List<String> requires) {

  /** The only legal basis a request can carry today. */
  public static final String WARRANT_REF = "warrantRef";

  public AccessRule {
    roles = Set.copyOf(roles);
    requires = List.copyOf(requires);
  }

  public boolean requiresWarrant() {
    return requires.contains(WARRANT_REF);
  }

  public enum Granularity {
    RECORD,
    AGGREGATE;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
