package org.civitas.audit.log;

/**
 * The input has no RFC 8785 canonical form this log accepts. The reason is a stable code that names
 * the defect and never quotes the input.
 */
public class CanonicalizationException extends RuntimeException {

  private final String reason;

  public CanonicalizationException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Stable, lower-case code such as {@code not_json} or {@code floating_point_number}. */
  public String reason() {
    return reason;
  }
}
