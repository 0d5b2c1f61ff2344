package org.civitas.policy.registry;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.civitas.contract.ContractJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Registers the sensors listed in {@code civitas.registry.seed} that are not registered yet, on the
 * platform's own account, so that a demo starts with a populated city. Sensors already present are
 * left as they are, whatever the file says.
 */
@Component
class RegistrySeed {

  private static final Logger log = LoggerFactory.getLogger(RegistrySeed.class);

  private final RegistrySettings settings;
  private final ResourceLoader resources;
  private final SensorRegistry registry;
  private final Sensors sensors;

  RegistrySeed(
      RegistrySettings settings,
      ResourceLoader resources,
      SensorRegistry registry,
      Sensors sensors) {
    this.settings = settings;
    this.resources = resources;
    this.registry = registry;
    this.sensors = sensors;
  }

  /**
   * Registers what is missing. An unreadable file or an invalid entry is logged and skipped; an
   * unavailable audit log propagates so the caller can try again later.
   */
  void registerMissing() {
    if (!settings.seeds()) {
      return;
    }
    List<NewSensor> seed = read(resources.getResource(settings.seed()));
    int registered = 0;
    for (NewSensor sensor : seed) {
      if (sensor.sensorId() != null && sensors.exists(sensor.sensorId())) {
        continue;
      }
      try {
        registry.registerBySystem(sensor);
        registered++;
      } catch (RegistryPublicationPending e) {
        registered++;
      } catch (SensorAlreadyRegistered e) {
        // registered concurrently: nothing left to do
      } catch (RegistrationRejected e) {
        log.warn(
            "seed sensor {} not registered: {}",
            sensor.sensorId(),
            e.violations().stream().map(v -> v.field() + " " + v.code()).toList());
      }
    }
    if (registered > 0) {
      log.info("registered {} seed sensor(s) from {}", registered, settings.seed());
    }
  }

  private static List<NewSensor> read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return ContractJson.mapper().readValue(in, new TypeReference<List<NewSensor>>() {});
    } catch (IOException | JacksonException e) {
      log.error("cannot read the registry seed {}: {}", resource, e.getClass().getSimpleName());
      return List.of();
    }
  }
}
