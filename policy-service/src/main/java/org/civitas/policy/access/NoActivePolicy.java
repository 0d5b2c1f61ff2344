package org.civitas.policy.access;

/** No policy version is active yet, so no access can be decided. */
public class NoActivePolicy extends RuntimeException {
  NoActivePolicy() {
    super("no active policy", null, false, false);
  }
}
