package org.civitas.simulator.generation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.civitas.contract.reading.Reading;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.contract.registry.SensorRegistration;

/**
 * Makes one plausible reading for a sensor and category: Ontario-style plates, PRESTO-like card
 * numbers, locally administered MAC addresses, household meters, city air and noise levels. People
 * and vehicles recur (drawn mostly from fixed pools) so that pseudonymization downstream has
 * something to link within a period. Not thread-safe: one generator per simulation thread.
 */
public final class ReadingGenerator {

  /** Toronto City Hall, for sensors registered without a location. */
  static final Location DEFAULT_LOCATION = new Location(43.6534, -79.3841);

  /** About 30 m either way. */
  private static final double JITTER_DEGREES = 0.0003;

  private static final String[] STATIONS = {
    "Union", "King", "Queen", "Dundas", "College", "Wellesley", "Bloor-Yonge", "St George",
    "Spadina", "Osgoode", "St Andrew", "Museum", "Bathurst", "Broadview", "Kennedy", "Finch"
  };
  private static final String[] DIRECTIONS = {"N", "S", "E", "W"};
  private static final String[] FARE_TYPES = {"ADULT", "ADULT", "ADULT", "YOUTH", "SENIOR"};
  private static final int[] WIFI_CHANNELS = {1, 6, 11, 36, 44, 149};

  private final Random random;
  private final Clock clock;
  private final List<String> plates;
  private final List<String> cards;
  private final List<String> macs;

  public ReadingGenerator(Random random, Clock clock) {
    this.random = random;
    this.clock = clock;
    this.plates = pool(400, this::plate);
    this.cards = pool(400, this::cardId);
    this.macs = pool(400, this::mac);
  }

  /** A reading of one of the sensor's categories, picked at random. */
  public Reading next(SensorRegistration sensor) {
    List<String> categories = sensor.categories();
    return next(sensor, categories.get(random.nextInt(categories.size())));
  }

  public Reading next(SensorRegistration sensor, String category) {
    return new Reading(
        UUID.randomUUID().toString(),
        sensor.sensorId(),
        clock.instant().toString(),
        category,
        near(sensor.location()),
        attributes(sensor.sensorId(), category));
  }

  Map<String, Object> attributes(String sensorId, String category) {
    Map<String, Object> a = new LinkedHashMap<>();
    switch (category) {
      case "licence_plate" -> {
        a.put("plate", recurring(plates, this::plate));
        a.put("speedKmh", round(clamp(normal(48, 12), 5, 130), 1));
        a.put("lane", 1 + random.nextInt(3));
        a.put("direction", pick(DIRECTIONS));
        a.put("imageRef", "img-" + (10_000 + random.nextInt(90_000)));
      }
      case "traffic_count" -> {
        a.put("vehicles", random.nextInt(121));
        a.put("intervalSeconds", 60);
        a.put("avgSpeedKmh", round(clamp(normal(42, 10), 3, 100), 1));
        a.put("lane", 1 + random.nextInt(3));
      }
      case "air_quality" -> {
        a.put("pm25", round(clamp(normal(9, 5), 0.5, 150), 1));
        a.put("pm10", round(clamp(normal(18, 8), 1, 250), 1));
        a.put("no2", round(clamp(normal(18, 8), 1, 150), 1));
        a.put("o3", round(clamp(normal(28, 10), 1, 120), 1));
      }
      case "noise_level" -> {
        double db = clamp(normal(62, 8), 35, 110);
        a.put("db", round(db, 1));
        a.put("peakDb", round(db + random.nextDouble() * 12, 1));
        a.put("weighting", "A");
      }
      case "energy_usage" -> {
        a.put("householdId", household(sensorId));
        a.put("kWh", round(clamp(normal(0.35, 0.2), 0.01, 4), 3));
        a.put("intervalMinutes", 15);
      }
      case "transit_tap" -> {
        a.put("cardId", recurring(cards, this::cardId));
        a.put("station", pick(STATIONS));
        a.put("fareType", pick(FARE_TYPES));
        a.put("tap", random.nextInt(10) < 7 ? "ENTRY" : "TRANSFER");
      }
      case "wifi_presence" -> {
        a.put("deviceMac", recurring(macs, this::mac));
        a.put("rssi", -30 - random.nextInt(61));
        a.put("channel", WIFI_CHANNELS[random.nextInt(WIFI_CHANNELS.length)]);
      }
      case "parking_occupancy" -> {
        int total = 20 + Math.floorMod(sensorId.hashCode(), 8) * 10;
        int occupied = random.nextInt(total + 1);
        a.put("spacesTotal", total);
        a.put("spacesOccupied", occupied);
        a.put("occupancy", round((double) occupied / total, 2));
      }
      case "pedestrian_count" -> {
        a.put("pedestrians", random.nextInt(61));
        a.put("intervalSeconds", 60);
        a.put("direction", pick(DIRECTIONS));
      }
      default -> a.put("value", round(random.nextDouble() * 100, 2));
    }
    return a;
  }

  /** Ontario-style passenger plate: four letters, three digits. */
  String plate() {
    StringBuilder plate = new StringBuilder(7);
    for (int i = 0; i < 4; i++) {
      plate.append((char) ('A' + random.nextInt(26)));
    }
    for (int i = 0; i < 3; i++) {
      plate.append((char) ('0' + random.nextInt(10)));
    }
    return plate.toString();
  }

  /** Sixteen digits, PRESTO-like. */
  String cardId() {
    StringBuilder card = new StringBuilder("3124");
    for (int i = 0; i < 12; i++) {
      card.append((char) ('0' + random.nextInt(10)));
    }
    return card.toString();
  }

  /** A random MAC as phones use for privacy: locally administered, unicast. */
  String mac() {
    byte[] octets = new byte[6];
    random.nextBytes(octets);
    octets[0] = (byte) ((octets[0] | 0x02) & 0xFE);
    StringBuilder mac = new StringBuilder(17);
    for (int i = 0; i < 6; i++) {
      if (i > 0) {
        mac.append(':');
      }
      mac.append(Character.forDigit((octets[i] >> 4) & 0xF, 16));
      mac.append(Character.forDigit(octets[i] & 0xF, 16));
    }
    return mac.toString();
  }

  /** One of forty households behind this meter, the same forty every time. */
  String household(String sensorId) {
    int base = Math.floorMod(sensorId.hashCode(), 900_000) + 100_000;
    int number = 100_000 + Math.floorMod(base + random.nextInt(40) * 7919, 900_000);
    return "HH-" + number;
  }

  private Location near(Location location) {
    Location origin =
        location == null || location.lat() == null || location.lon() == null
            ? DEFAULT_LOCATION
            : location;
    double lat = clamp(origin.lat() + (random.nextDouble() * 2 - 1) * JITTER_DEGREES, -90, 90);
    double lon = clamp(origin.lon() + (random.nextDouble() * 2 - 1) * JITTER_DEGREES, -180, 180);
    return new Location(round(lat, 6), round(lon, 6));
  }

  private String recurring(List<String> pool, java.util.function.Supplier<String> fresh) {
    return random.nextInt(10) < 8 ? pool.get(random.nextInt(pool.size())) : fresh.get();
  }

  private static List<String> pool(int size, java.util.function.Supplier<String> make) {
    List<String> pool = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      pool.add(make.get());
    }
    return List.copyOf(pool);
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private double normal(double mean, double deviation) {
    return mean + random.nextGaussian() * deviation;
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
