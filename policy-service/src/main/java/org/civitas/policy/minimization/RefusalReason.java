package org.civitas.policy.minimization;

/** Why a reading was not stored; the code is what the quarantine topic carries. */
public enum RefusalReason {
  MALFORMED("malformed"),
  SENSOR_UNKNOWN("sensor_unknown"),
  SENSOR_INACTIVE("sensor_inactive"),
  CATEGORY_NOT_REGISTERED("category_not_registered"),
  NO_POLICY_FOR_CATEGORY("no_policy_for_category"),
  RESIDENCY("residency"),
  PSEUDONYM_KEY_DESTROYED("pseudonym_key_destroyed"),
  /** Observed before the window in which readingIds are remembered. */
  TIMESTAMP_STALE("timestamp_stale"),
  /** Observed too far in the future to be a real reading. */
  TIMESTAMP_FUTURE("timestamp_future");

  private final String code;

  RefusalReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
