package org.civitas.auth.identity;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

  /** Also verifies client secrets at the token endpoint. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  Identities identities(IdentitySettings settings) {
    return new Identities(settings);
  }

  @Bean
  UserDetailsService userDetailsService(IdentitySettings settings, PasswordEncoder encoder) {
    if (settings.users().isEmpty()) {
      log.info("No sign-in users configured (civitas.auth.users)");
    } else {
      log.info(
          "Sign-in users: {}",
          settings.users().stream()
              .map(u -> u.username() + " " + u.roles())
              .collect(Collectors.joining(", ")));
    }
    return new InMemoryUserDetailsManager(
        settings.users().stream().map(user -> userDetails(user, encoder)).toList());
  }

  private static UserDetails userDetails(IdentitySettings.User user, PasswordEncoder encoder) {
    return User.withUsername(user.username())
        .password(Credentials.encoded(encoder, user.password()))
        .roles(user.roles().toArray(String[]::new))
        .build();
  }
}
