package org.civitas.policy.versions;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.civitas.policy.document.PolicyDocument;
import org.civitas.policy.minimization.CompiledPolicy;
import org.civitas.policy.minimization.PseudonymKeys;
import org.springframework.stereotype.Component;

/**
 * The policy in force, compiled once per version and swapped atomically, so that every reading and
 * every access decision sees one whole version.
 */
@Component
public class ActivePolicy {

  /** The active version's record and its compiled form. */
  public record Active(PolicyVersion version, CompiledPolicy policy) {}

  private final AtomicReference<Active> active = new AtomicReference<>();
  private final PseudonymKeys keys;

  ActivePolicy(PseudonymKeys keys) {
    this.keys = keys;
  }

  /** Empty until the first version is loaded. */
  public Optional<Active> current() {
    return Optional.ofNullable(active.get());
  }

  public Optional<CompiledPolicy> compiled() {
    return current().map(Active::policy);
  }

  /** Activates the version unless an equal or newer one is active already. */
  boolean activate(PolicyVersion version, PolicyDocument document) {
    Active candidate =
        new Active(version, CompiledPolicy.compile(document, version.version(), keys));
    Active previous =
        active.getAndUpdate(
            current ->
                current == null || current.version().version() < version.version()
                    ? candidate
                    : current);
    return previous == null || previous.version().version() < version.version();
  }
}
