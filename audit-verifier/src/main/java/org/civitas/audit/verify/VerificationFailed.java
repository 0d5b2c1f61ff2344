package org.civitas.audit.verify;

/** The log does not verify, or could not be checked; the message says which and why. */
class VerificationFailed extends Exception {

  VerificationFailed(String message) {
    super(message);
  }

  VerificationFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
