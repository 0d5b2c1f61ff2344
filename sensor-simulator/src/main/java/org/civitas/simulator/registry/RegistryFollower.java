package org.civitas.simulator.registry;

import java.util.Comparator;
import java.util.List;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.registryclient.RegistryTopicFollower;
import org.springframework.context.SmartLifecycle;

/**
 * The sensors to simulate, followed from the compacted registry topic the same way ingest-service
 * follows it, so both see the registry alike.
 */
final class RegistryFollower implements RegisteredSensors, SmartLifecycle {

  private final RegistryTopicFollower<SensorRegistration> follower;

  RegistryFollower(RegistryTopicFollower<SensorRegistration> follower) {
    this.follower = follower;
  }

  @Override
  public List<SensorRegistration> active() {
    return follower.all().stream()
        .filter(SensorRegistration::isActive)
        .filter(s -> s.categories() != null && !s.categories().isEmpty())
        .sorted(Comparator.comparing(SensorRegistration::sensorId))
        .toList();
  }

  @Override
  public boolean isCaughtUp() {
    return follower.isCaughtUp();
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
