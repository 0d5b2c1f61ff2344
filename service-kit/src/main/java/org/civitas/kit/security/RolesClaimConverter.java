package org.civitas.kit.security;

import java.util.Collection;
import java.util.List;
import org.civitas.contract.Roles;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Maps the {@code roles} claim of CONTRACT §2 to {@code ROLE_*} authorities. */
final class RolesClaimConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

  @Override
  public Collection<GrantedAuthority> convert(Jwt jwt) {
    List<String> roles = jwt.getClaimAsStringList(Roles.ROLES_CLAIM);
    if (roles == null) {
      return List.of();
    }
    return roles.stream()
        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
        .toList();
  }
}
