package org.civitas.policy.registry;

import java.util.List;
import org.civitas.contract.FieldViolation;

/** A registration that breaks a rule; nothing was stored. */
public class RegistrationRejected extends RuntimeException {

  private final transient List<FieldViolation> violations;

  RegistrationRejected(List<FieldViolation> violations) {
    super("registration rejected: " + violations.size() + " field error(s)");
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
