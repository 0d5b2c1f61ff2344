package org.civitas.contract.audit;

/** Outcome of an audited decision. */
public enum Decision {
  PERMIT,
  DENY
}
