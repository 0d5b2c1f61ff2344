package org.civitas.policy.registry;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the registry needs to know about the active policy: residency for the due-diligence check at
 * registration, and retention, residency and permitted purposes for the public registry.
 * Implemented by the policy feature; while no bean exists the registry skips the residency check
 * and leaves policy figures out of the public registry.
 */
public interface PolicyFacts {

  /** The active policy's version, empty while no policy is active. */
  Optional<Long> activeVersion();

  /** Categories the active policy covers. Sensors may be registered for these too. */
  Set<String> categories();

  /**
   * The active policy's rules for one category, empty when the active policy does not cover it or
   * no policy is active.
   */
  Optional<CategoryRules> rules(String category);

  /**
   * The parts of a category's policy the registry discloses and checks.
   *
   * @param retention how long readings are kept
   * @param storeIn countries where the data may be stored
   * @param transferTo countries the data may be sent to
   * @param permittedPurposes purposes named by at least one access rule of the category
   */
  record CategoryRules(
      Duration retention,
      List<String> storeIn,
      List<String> transferTo,
      Set<String> permittedPurposes) {

    public CategoryRules {
      storeIn = storeIn == null ? List.of() : List.copyOf(storeIn);
      transferTo = transferTo == null ? List.of() : List.copyOf(transferTo);
      permittedPurposes = permittedPurposes == null ? Set.of() : Set.copyOf(permittedPurposes);
    }

    /** Where a vendor may process the category's data: {@code storeIn ∪ transferTo}. */
    public Set<String> allowedLocations() {
      Set<String> allowed = new LinkedHashSet<>(storeIn);
      allowed.addAll(transferTo);
      return allowed;
    }
  }
}
