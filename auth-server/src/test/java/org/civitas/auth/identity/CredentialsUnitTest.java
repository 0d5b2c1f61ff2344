package org.civitas.auth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class CredentialsUnitTest {

  final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

  @Test
  void plainSecretsAreHashed() {
    String encoded = Credentials.encoded(encoder, "city-it-secret");

    assertThat(encoded).startsWith("{bcrypt}").doesNotContain("city-it-secret");
    assertThat(encoder.matches("city-it-secret", encoded)).isTrue();
  }

  @Test
  void alreadyEncodedSecretsAreKept() {
    String hash = encoder.encode("city-it-secret");

    assertThat(Credentials.encoded(encoder, hash)).isEqualTo(hash);
  }
}
