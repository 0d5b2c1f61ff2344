package org.civitas.ingest.registry;

import java.util.Optional;
import org.civitas.registryclient.RegistryTopicFollower;
import org.springframework.context.SmartLifecycle;

/** The registry as ingest sees it, followed from the compacted topic for the service's lifetime. */
final class RegistryFollower implements Sensors, SmartLifecycle {

  private final RegistryTopicFollower<RegisteredSensor> follower;

  RegistryFollower(RegistryTopicFollower<RegisteredSensor> follower) {
    this.follower = follower;
  }

  @Override
  public Optional<RegisteredSensor> find(String sensorId) {
    return follower.find(sensorId);
  }

  @Override
  public boolean isCaughtUp() {
    return follower.isCaughtUp();
  }

  int size() {
    return follower.size();
  }

  @Override
  public void start() {
    follower.start();
  }

  @Override
  public void stop() {
    follower.stop();
  }

  @Override
  public boolean isRunning() {
    return follower.isRunning();
  }
}
