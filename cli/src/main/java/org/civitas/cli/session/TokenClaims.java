package org.civitas.cli.session;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Roles;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The claims of a JWT access token, decoded for display only. The signature is not checked: the
 * platform checks it on every request, and nothing here is trusted for a decision.
 */
public record TokenClaims(JsonNode payload) {

  /** The payload of a JWT, or empty when the token is opaque or malformed. */
  public static Optional<TokenClaims> decode(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      byte[] json = Base64.getUrlDecoder().decode(stripPadding(parts[1]));
      JsonNode payload = ContractJson.mapper().readTree(new String(json, StandardCharsets.UTF_8));
      return payload.isObject() ? Optional.of(new TokenClaims(payload)) : Optional.empty();
    } catch (IllegalArgumentException | JacksonException e) {
      return Optional.empty();
    }
  }

  public String subject() {
    return string("sub");
  }

  public List<String> roles() {
    List<String> roles = new ArrayList<>();
    JsonNode claim = payload.path(Roles.ROLES_CLAIM);
    if (claim.isArray()) {
      claim.forEach(role -> roles.add(role.asString()));
    } else if (claim.isString()) {
      roles.add(claim.stringValue());
    }
    return roles;
  }

  public String organization() {
    return string(Roles.ORGANIZATION_CLAIM);
  }

  public String vendorId() {
    return string(Roles.VENDOR_ID_CLAIM);
  }

  public String issuer() {
    return string("iss");
  }

  public Optional<Instant> expiresAt() {
    JsonNode exp = payload.path("exp");
    return exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
  }

  private String string(String claim) {
    JsonNode value = payload.path(claim);
    return value.isValueNode() && !value.isNull() ? value.asString() : null;
  }

  private static String stripPadding(String part) {
    int end = part.length();
    while (end > 0 && part.charAt(end - 1) == '=') {
      end--;
    }
    return part.substring(0, end);
  }
}
