package org.civitas.registryclient;

import java.time.Duration;

/**
 * How the registry topic is followed.
 *
 * @param pollTimeout longest wait for new registrations in one poll
 * @param partitionRefresh how often to look for partitions added to the topic
 * @param retryBackoff pause after a failed poll, or while the topic does not exist yet
 * @param apiTimeout bound on metadata and offset look-ups, so a dead broker cannot hang the thread
 */
public record FollowTiming(
    Duration pollTimeout, Duration partitionRefresh, Duration retryBackoff, Duration apiTimeout) {

  public static FollowTiming defaults() {
    return new FollowTiming(
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        Duration.ofSeconds(10));
  }
}
