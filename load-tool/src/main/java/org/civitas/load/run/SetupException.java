package org.civitas.load.run;

/**
 * A run that cannot start: the token endpoint, the registry, the sensors or the broker are not what
 * it needs.
 */
public final class SetupException extends RuntimeException {

  public SetupException(String message) {
    super(message);
  }

  public SetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
