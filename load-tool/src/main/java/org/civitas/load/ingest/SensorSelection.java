package org.civitas.load.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.load.cli.UsageException;
import org.civitas.load.reading.SensorTarget;
import org.civitas.load.run.SetupException;
import tools.jackson.databind.JsonNode;

/**
 * Which sensors to post for: {@code auto} takes the vendor's active sensors from the public
 * registry; an explicit list names them, each optionally with its categories ({@code
 * cam-01:licence_plate,aq-02:air_quality+noise_level}); an entry without categories takes them from
 * the registry.
 */
final class SensorSelection {

  static final String AUTO = "auto";

  /** An entry of {@code --sensors}: a sensor id and the categories given with it, if any. */
  record Entry(String sensorId, List<String> categories) {}

  static List<Entry> parseList(List<String> items) {
    List<Entry> entries = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (String item : items) {
      int colon = item.indexOf(':');
      String id = (colon < 0 ? item : item.substring(0, colon)).trim();
      if (id.isEmpty()) {
        throw new UsageException(
            "--sensors: an entry has no sensor id; write id or id:category[+category]");
      }
      if (!seen.add(id)) {
        throw new UsageException("--sensors names " + id + " twice");
      }
      List<String> categories = new ArrayList<>();
      if (colon >= 0) {
        for (String category : item.substring(colon + 1).split("\\+")) {
          if (!category.isBlank()) {
            categories.add(category.trim());
          }
        }
        if (categories.isEmpty()) {
          throw new UsageException(
              "--sensors: " + id + ": has a ':' but no category; write " + id + ":air_quality");
        }
      }
      entries.add(new Entry(id, List.copyOf(categories)));
    }
    if (entries.isEmpty()) {
      throw new UsageException("--sensors is empty; name sensors or write --sensors=auto");
    }
    return entries;
  }

  /** Whether every entry says its categories, so that the registry need not be asked. */
  static boolean complete(List<Entry> entries) {
    return entries.stream().noneMatch(entry -> entry.categories().isEmpty());
  }

  /**
   * Sensors of the public registry (CONTRACT §9) as published: an array of sensors or an object
   * with a {@code sensors} array; categories as names or as objects with a {@code category} (or
   * {@code name}) field. Entries marked inactive or decommissioned are left out.
   */
  static List<RegisteredSensor> parseRegistry(JsonNode registry) {
    JsonNode sensors = registry;
    if (registry != null && registry.isObject()) {
      sensors = registry.get("sensors");
    }
    if (sensors == null || !sensors.isArray()) {
      throw new SetupException(
          "the public registry is neither an array of sensors nor an object with a 'sensors'"
              + " array");
    }
    List<RegisteredSensor> result = new ArrayList<>();
    for (JsonNode sensor : sensors) {
      String id = text(sensor, "sensorId");
      if (id == null || !active(sensor)) {
        continue;
      }
      List<String> categories = new ArrayList<>();
      JsonNode listed = sensor.get("categories");
      if (listed != null && listed.isArray()) {
        for (JsonNode category : listed) {
          String name =
              category.isString()
                  ? category.stringValue()
                  : firstText(category, "category", "name", "id");
          if (name != null && !name.isBlank()) {
            categories.add(name);
          }
        }
      }
      result.add(new RegisteredSensor(id, text(sensor, "vendorId"), categories, location(sensor)));
    }
    return result;
  }

  /** A sensor as the public registry shows it. */
  record RegisteredSensor(
      String sensorId, String vendorId, List<String> categories, Location location) {}

  /** The vendor's sensors of the registry that have at least one category. */
  static List<SensorTarget> ownedBy(String vendorId, List<RegisteredSensor> registry) {
    List<SensorTarget> owned = new ArrayList<>();
    for (RegisteredSensor sensor : registry) {
      if (vendorId.equals(sensor.vendorId()) && !sensor.categories().isEmpty()) {
        owned.add(new SensorTarget(sensor.sensorId(), sensor.categories(), sensor.location()));
      }
    }
    if (owned.isEmpty()) {
      Set<String> vendors = new TreeSet<>();
      registry.forEach(sensor -> vendors.add(String.valueOf(sensor.vendorId())));
      throw new SetupException(
          "the public registry lists "
              + registry.size()
              + " active sensor(s), none with a category for vendor '"
              + vendorId
              + "'"
              + (vendors.isEmpty() ? "" : " (vendors present: " + String.join(", ", vendors) + ")")
              + "; register sensors for it, or name them with"
              + " --sensors=id:category[,id:category]");
    }
    return owned;
  }

  /** The explicit entries, filling missing categories from the registry. */
  static List<SensorTarget> resolve(List<Entry> entries, List<RegisteredSensor> registry) {
    Map<String, RegisteredSensor> byId = new LinkedHashMap<>();
    if (registry != null) {
      registry.forEach(sensor -> byId.put(sensor.sensorId(), sensor));
    }
    List<SensorTarget> targets = new ArrayList<>();
    for (Entry entry : entries) {
      RegisteredSensor known = byId.get(entry.sensorId());
      List<String> categories = entry.categories();
      if (categories.isEmpty()) {
        if (known == null || known.categories().isEmpty()) {
          throw new SetupException(
              "sensor "
                  + entry.sensorId()
                  + " is not an active sensor of the public registry, so its category is"
                  + " unknown; write it as "
                  + entry.sensorId()
                  + ":<category>");
        }
        categories = known.categories();
      }
      targets.add(
          new SensorTarget(entry.sensorId(), categories, known == null ? null : known.location()));
    }
    return targets;
  }

  private static boolean active(JsonNode sensor) {
    JsonNode active = sensor.get("active");
    if (active != null && active.isBoolean() && !active.booleanValue()) {
      return false;
    }
    String status = text(sensor, "status");
    return status == null || status.toLowerCase(Locale.ROOT).equals("active");
  }

  private static Location location(JsonNode sensor) {
    JsonNode location = sensor.get("location");
    if (location == null || !location.isObject()) {
      return null;
    }
    JsonNode lat = location.get("lat");
    JsonNode lon = location.get("lon");
    if (lat == null || lon == null || !lat.isNumber() || !lon.isNumber()) {
      return null;
    }
    double la = lat.doubleValue();
    double lo = lon.doubleValue();
    if (!Double.isFinite(la) || !Double.isFinite(lo) || Math.abs(la) > 90 || Math.abs(lo) > 180) {
      return null;
    }
    return new Location(la, lo);
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String field : fields) {
      String value = text(node, field);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }

  private SensorSelection() {}
}
