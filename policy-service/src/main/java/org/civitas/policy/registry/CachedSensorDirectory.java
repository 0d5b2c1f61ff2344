package org.civitas.policy.registry;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civitas.contract.registry.SensorRegistration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The registry table held in memory, so that minimization looks sensors up without a database round
 * trip. Loaded at startup (after Flyway, which the JDBC beans depend on), kept current by {@link
 * SensorRegistry} after every committed change of this instance, and reloaded periodically so that
 * changes made through another instance arrive too. A sensor not yet in memory is looked up once in
 * the table before a reading is refused as unknown.
 */
@Component
class CachedSensorDirectory implements SensorDirectory {

  private record Entry(SensorRegistration registration, long revision) {}

  private final Map<String, Entry> sensors = new ConcurrentHashMap<>();
  private final Sensors table;

  CachedSensorDirectory(Sensors table) {
    this.table = table;
    reload();
  }

  @Scheduled(
      fixedDelayString = "${civitas.registry.reload-interval:PT10S}",
      initialDelayString = "${civitas.registry.reload-interval:PT10S}")
  void reload() {
    table.findAll().forEach(this::remember);
  }

  @Override
  public Optional<SensorRegistration> find(String sensorId) {
    if (sensorId == null) {
      return Optional.empty();
    }
    Entry known = sensors.get(sensorId);
    if (known == null) {
      table.find(sensorId).ifPresent(this::remember);
      known = sensors.get(sensorId);
    }
    return Optional.ofNullable(known).map(Entry::registration);
  }

  /** Every sensor ever registered, active or not. */
  Collection<SensorRegistration> all() {
    return sensors.values().stream().map(Entry::registration).toList();
  }

  /** Takes a stored state unless a later revision of the same sensor is already known. */
  void remember(Sensors.Stored stored) {
    Entry candidate = new Entry(stored.registration(), stored.revision());
    sensors.merge(
        stored.registration().sensorId(),
        candidate,
        (known, offered) -> offered.revision() >= known.revision() ? offered : known);
  }
}
