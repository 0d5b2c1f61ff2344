package org.civitas.policy.minimization;

/** Why a reading was not stored; the code is what the quarantine topic carries. */
public enum RefusalReason {
  MALFORMED("malformed"),
  SENSOR_UNKNOWN("sensor_unknown"),
  SENSOR_INACTIVE("sensor_inactive"),
  CATEGORY_NOT_REGISTERED("category_not_registered"),
  NO_POLICY_FOR_CATEGORY("no_policy_for_category"),
  RESIDENCY("residency"),
  PSEUDONYM_KEY_DESTROYED("pseudonym_key_destroyed");

  private final String code;

  RefusalReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
