package org.civitas.load.reading;

import java.util.List;
import org.civitas.contract.reading.Reading.Location;

/**
 * A sensor readings are generated for.
 *
 * @param categories what it is registered to collect; readings use only these
 * @param home where it stands, or null to place it deterministically in the city from its id
 */
public record SensorTarget(String sensorId, List<String> categories, Location home) {

  public SensorTarget {
    if (sensorId == null || sensorId.isBlank()) {
      throw new IllegalArgumentException("sensorId is required");
    }
    if (categories == null || categories.isEmpty()) {
      throw new IllegalArgumentException("sensor " + sensorId + " has no category");
    }
    categories = List.copyOf(categories);
  }

  public SensorTarget(String sensorId, List<String> categories) {
    this(sensorId, categories, null);
  }

  /** One made-up sensor per built-in category, for runs that need no registry (the baseline). */
  public static List<SensorTarget> synthetic() {
    return synthetic(ReadingGenerator.BUILT_IN_CATEGORIES);
  }

  /** One made-up sensor per category. */
  public static List<SensorTarget> synthetic(List<String> categories) {
    return categories.stream()
        .map(
            category ->
                new SensorTarget("load-" + category.replace('_', '-') + "-01", List.of(category)))
        .toList();
  }
}
