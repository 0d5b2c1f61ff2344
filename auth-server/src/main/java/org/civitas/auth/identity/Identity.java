package org.civitas.auth.identity;

import java.util.List;

/**
 * What a token says about its holder (CONTRACT §2).
 *
 * @param subject client id or username, the token's {@code sub}
 * @param roles role names for the {@code roles} claim
 * @param vendorId the {@code vendor_id} claim, only for vendors, otherwise {@code null}
 * @param organization the {@code organization} claim
 */
public record Identity(String subject, List<String> roles, String vendorId, String organization) {

  public Identity {
    roles = List.copyOf(roles);
  }
}
