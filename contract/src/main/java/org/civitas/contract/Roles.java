package org.civitas.contract;

/** Roles of CONTRACT §2, as carried in the {@code roles} claim of a bearer token. */
public final class Roles {
  public static final String VENDOR = "VENDOR";
  public static final String STAFF = "STAFF";
  public static final String POLICY_ADMIN = "POLICY_ADMIN";
  public static final String LAW_ENFORCEMENT = "LAW_ENFORCEMENT";
  public static final String AUDITOR = "AUDITOR";

  /** JWT claim holding the role names (array). */
  public static final String ROLES_CLAIM = "roles";

  /** JWT claim holding a vendor's id. */
  public static final String VENDOR_ID_CLAIM = "vendor_id";

  /** JWT claim holding the actor's organization, shown in audit events and public reports. */
  public static final String ORGANIZATION_CLAIM = "organization";

  private Roles() {}
}
