package org.civitas.kit.audit;

/**
 * The audit log could not acknowledge an event, so the audited action must not go ahead (CONTRACT
 * §7.1: no access without a record). Answered as 503.
 */
public class AuditUnavailableException extends RuntimeException {
  public AuditUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
