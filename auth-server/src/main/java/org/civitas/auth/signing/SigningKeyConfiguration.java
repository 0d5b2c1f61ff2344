package org.civitas.auth.signing;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Signs tokens with the persisted key; the same key set is served at {@code /oauth2/jwks}. */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

  @Bean
  JWKSource<SecurityContext> jwkSource(SigningKeySettings settings) {
    return new ImmutableJWKSet<>(new JWKSet(new SigningKeyFile(settings.keyFile()).loadOrCreate()));
  }
}
