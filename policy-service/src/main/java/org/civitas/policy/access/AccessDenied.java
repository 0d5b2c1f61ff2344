package org.civitas.policy.access;

/** No access rule permits the request; the denial has been audited. */
public class AccessDenied extends RuntimeException {

  private final String reason;

  AccessDenied(String reason) {
    super("access denied: " + reason, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
