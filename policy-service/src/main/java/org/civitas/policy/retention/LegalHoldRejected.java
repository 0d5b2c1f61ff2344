package org.civitas.policy.retention;

import java.util.List;
import org.civitas.contract.FieldViolation;

/** A legal hold request that breaks a rule; nothing was stored. */
public class LegalHoldRejected extends RuntimeException {

  private final transient List<FieldViolation> violations;

  LegalHoldRejected(List<FieldViolation> violations) {
    super("legal hold rejected: " + violations.size() + " field error(s)", null, false, false);
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
