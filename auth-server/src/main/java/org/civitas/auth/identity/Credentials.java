package org.civitas.auth.identity;

import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Turns configured secrets and passwords into what is kept in memory. */
public final class Credentials {

  private static final Pattern ENCODED = Pattern.compile("^\\{[A-Za-z0-9_-]+}.+");

  /**
   * The encoded form of a configured secret: values with an encoder prefix such as {@code {bcrypt}}
   * are already encoded (production configuration), anything else is plain text (demo
   * configuration) and is hashed now, so no plain secret stays in memory longer than start-up.
   */
  public static String encoded(PasswordEncoder encoder, String configured) {
    return ENCODED.matcher(configured).matches() ? configured : encoder.encode(configured);
  }

  private Credentials() {}
}
