package org.civitas.policy.retention;

/** No legal hold has the given id. */
public class LegalHoldNotFound extends RuntimeException {
  LegalHoldNotFound() {
    super("legal hold not found", null, false, false);
  }
}
