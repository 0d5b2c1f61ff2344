package org.civitas.policy.access;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** What access decisions need to know about the caller. */
final class Callers {

  private static final String ROLE_PREFIX = "ROLE_";

  /** The caller's platform roles, without Spring's {@code ROLE_} prefix. */
  static Set<String> roles(Authentication caller) {
    return caller.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
        .map(authority -> authority.substring(ROLE_PREFIX.length()))
        .collect(Collectors.toUnmodifiableSet());
  }

  static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private Callers() {}
}
