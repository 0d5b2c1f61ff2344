package org.civitas.policy.versions;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.civitas.policy.document.AccessRule;
import org.civitas.policy.document.CategoryPolicy;
import org.civitas.policy.registry.PolicyFacts;
import org.springframework.stereotype.Component;

/** The registry's view of the active policy. */
@Component
class ActivePolicyFacts implements PolicyFacts {

  private final ActivePolicy activePolicy;

  ActivePolicyFacts(ActivePolicy activePolicy) {
    this.activePolicy = activePolicy;
  }

  @Override
  public Optional<Long> activeVersion() {
    return activePolicy.current().map(active -> active.version().version());
  }

  @Override
  public Set<String> categories() {
    return activePolicy
        .compiled()
        .map(policy -> Set.copyOf(policy.document().categories().keySet()))
        .orElse(Set.of());
  }

  @Override
  public Optional<CategoryRules> rules(String category) {
    return activePolicy.compiled().flatMap(policy -> policy.category(category)).map(this::rules);
  }

  private CategoryRules rules(CategoryPolicy category) {
    Set<String> purposes = new LinkedHashSet<>();
    category.access().stream().map(AccessRule::purpose).forEach(purposes::add);
    return new CategoryRules(
        category.retention(),
        category.residency().storeIn(),
        category.residency().transferTo(),
        purposes);
  }
}
