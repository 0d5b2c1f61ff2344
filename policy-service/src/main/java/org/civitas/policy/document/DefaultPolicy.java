package org.civitas.policy.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The policy every deployment starts with (CONTRACT §8), shipped as a classpath resource. */
public final class DefaultPolicy {

  public static final String RESOURCE = "policy/default-policy.yml";

  /** The document text, exactly as shipped, so that its content hash is stable. */
  public static String text() {
    try (InputStream in = DefaultPolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("default policy missing from the classpath: " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DefaultPolicy() {}
}
