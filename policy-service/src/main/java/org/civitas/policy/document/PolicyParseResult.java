package org.civitas.policy.document;

import java.util.List;
import org.civitas.contract.FieldViolation;

/** Outcome of parsing a policy document: the document, or every field that is wrong with it. */
public sealed interface PolicyParseResult {

  record Valid(PolicyDocument document) implements PolicyParseResult {}

  record Invalid(List<FieldViolation> errors) implements PolicyParseResult {
    public Invalid {
      errors = List.copyOf(errors);
    }
  }
}
