package org.civitas.load.reading;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.civitas.contract.reading.Reading;
import org.civitas.contract.reading.Reading.Location;

/**
 * Readings a city's sensors would plausibly send (CONTRACT §4.1): the sensor's own categories,
 * attributes typical of each category (a plate and a speed for a camera, a household id and kWh for
 * a meter), a position near the sensor. Attribute values are what the platform must protect, so
 * they look real but are random.
 */
public final class ReadingGenerator {

  /** The built-in categories of CONTRACT §4.1. */
  public static final List<String> BUILT_IN_CATEGORIES =
      List.of(
          "licence_plate",
          "traffic_count",
          "air_quality",
          "noise_level",
          "energy_usage",
          "transit_tap",
          "wifi_presence",
          "parking_occupancy",
          "pedestrian_count");

  /**
   * Fixed width (always milliseconds, always an offset), so a timestamp can be stamped in place.
   */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  private static final String[] DIRECTIONS = {"NB", "SB", "EB", "WB"};
  private static final String[] ROUTES = {"501", "504", "505", "506", "510", "1", "2", "29"};
  private static final char[] PLATE_LETTERS = "ABCDEFGHJKLMNPRSTVWXYZ".toCharArray();

  private final List<SensorTarget> sensors;
  private final RandomGenerator random;

  public ReadingGenerator(List<SensorTarget> sensors, RandomGenerator random) {
    if (sensors.isEmpty()) {
      throw new IllegalArgumentException("at least one sensor is needed");
    }
    this.sensors = List.copyOf(sensors);
    this.random = random;
  }

  /** A reading of a random sensor with a fresh random readingId. */
  public Reading next(Instant observedAt) {
    return next(UUID.randomUUID().toString(), timestamp(observedAt));
  }

  Reading next(String readingId, String observedAt) {
    SensorTarget sensor = sensors.get(random.nextInt(sensors.size()));
    String category = sensor.categories().get(random.nextInt(sensor.categories().size()));
    return new Reading(
        readingId, sensor.sensorId(), observedAt, category, near(sensor), attributes(category));
  }

  public static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  private Location near(SensorTarget sensor) {
    double lat;
    double lon;
    if (sensor.home() != null && sensor.home().lat() != null && sensor.home().lon() != null) {
      lat = sensor.home().lat();
      lon = sensor.home().lon();
    } else {
      // downtown Toronto, spread by the id so every sensor keeps its own place across runs
      int hash = sensor.sensorId().hashCode();
      lat = 43.63 + (Math.floorMod(hash, 7001) / 7000.0) * 0.07;
      lon = -79.45 + (Math.floorMod(hash >>> 8, 10001) / 10000.0) * 0.10;
    }
    // a few metres of GPS jitter
    lat = clamp(lat + (random.nextDouble() - 0.5) * 0.0002, 90);
    lon = clamp(lon + (random.nextDouble() - 0.5) * 0.0002, 180);
    return new Location(round(lat, 5), round(lon, 5));
  }

  Map<String, Object> attributes(String category) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    switch (category) {
      case "licence_plate" -> {
        attributes.put("plate", plate());
        attributes.put("speedKmh", round(15 + random.nextDouble() * 55, 1));
        attributes.put("lane", 1 + random.nextInt(3));
        attributes.put("direction", pick(DIRECTIONS));
        attributes.put("imageRef", "img-" + (10000 + random.nextInt(90000)));
      }
      case "traffic_count" -> {
        int cars = random.nextInt(90);
        int trucks = random.nextInt(12);
        int bicycles = random.nextInt(25);
        attributes.put("vehicles", cars + trucks);
        attributes.put("cars", cars);
        attributes.put("trucks", trucks);
        attributes.put("bicycles", bicycles);
        attributes.put("direction", pick(DIRECTIONS));
        attributes.put("intervalSeconds", 60);
      }
      case "air_quality" -> {
        attributes.put("pm25", round(2 + random.nextDouble() * 30, 1));
        attributes.put("pm10", round(5 + random.nextDouble() * 50, 1));
        attributes.put("no2Ppb", round(5 + random.nextDouble() * 40, 1));
        attributes.put("o3Ppb", round(10 + random.nextDouble() * 50, 1));
        attributes.put("temperatureC", round(-15 + random.nextDouble() * 45, 1));
        attributes.put("humidityPct", round(20 + random.nextDouble() * 75, 1));
      }
      case "noise_level" -> {
        double laeq = 45 + random.nextDouble() * 40;
        attributes.put("laeqDb", round(laeq, 1));
        attributes.put("lmaxDb", round(laeq + random.nextDouble() * 15, 1));
        attributes.put("intervalSeconds", 60);
      }
      case "energy_usage" -> {
        attributes.put("householdId", "hh-" + hex(8));
        attributes.put("kwh", round(random.nextDouble() * 2.5, 3));
        attributes.put("intervalMinutes", 15);
        attributes.put("voltage", round(238 + random.nextDouble() * 6, 1));
      }
      case "transit_tap" -> {
        attributes.put("cardId", "card-" + digits(16));
        attributes.put("route", pick(ROUTES));
        attributes.put("stopId", "stop-" + (1000 + random.nextInt(9000)));
        attributes.put("fareCents", random.nextInt(10) == 0 ? 0 : 335);
        attributes.put("tapType", random.nextBoolean() ? "entry" : "transfer");
      }
      case "wifi_presence" -> {
        attributes.put("deviceMac", mac());
        attributes.put("rssiDbm", -30 - random.nextInt(60));
        attributes.put("dwellSeconds", random.nextInt(1800));
        attributes.put("randomizedMac", random.nextInt(3) > 0);
      }
      case "parking_occupancy" -> {
        int total = 20 + random.nextInt(180);
        attributes.put("lotId", "lot-" + (100 + random.nextInt(900)));
        attributes.put("spotsTotal", total);
        attributes.put("spotsOccupied", random.nextInt(total + 1));
      }
      case "pedestrian_count" -> {
        attributes.put("pedestrians", random.nextInt(80));
        attributes.put("direction", pick(DIRECTIONS));
        attributes.put("intervalSeconds", 60);
      }
      default -> {
        attributes.put("value", round(random.nextDouble() * 100, 2));
        attributes.put("unit", "unit");
      }
    }
    return attributes;
  }

  private String plate() {
    StringBuilder plate = new StringBuilder(7);
    for (int i = 0; i < 4; i++) {
      plate.append(PLATE_LETTERS[random.nextInt(PLATE_LETTERS.length)]);
    }
    plate.append(100 + random.nextInt(900));
    return plate.toString();
  }

  private String mac() {
    StringBuilder mac = new StringBuilder(17);
    for (int i = 0; i < 6; i++) {
      if (i > 0) {
        mac.append(':');
      }
      mac.append(hex(2));
    }
    return mac.toString();
  }

  private String hex(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(Character.forDigit(random.nextInt(16), 16));
    }
    return text.toString();
  }

  private String digits(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('0' + random.nextInt(10)));
    }
    return text.toString();
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  private static double clamp(double value, double bound) {
    return Math.max(-bound, Math.min(bound, value));
  }
}
