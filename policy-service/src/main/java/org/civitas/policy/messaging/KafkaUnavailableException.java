package org.civitas.policy.messaging;

/** Kafka did not acknowledge a message in time; whatever depended on it must not go ahead. */
public class KafkaUnavailableException extends RuntimeException {
  public KafkaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
