package org.civitas.policy.minimization;

/** Geohash encoding (base-32 interleaved latitude/longitude bisection). */
public final class Geohash {

  private static final char[] BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz".toCharArray();

  public static String encode(double lat, double lon, int precision) {
    if (precision < 1 || precision > 12) {
      throw new IllegalArgumentException("geohash precision must be between 1 and 12");
    }
    double latMin = -90;
    double latMax = 90;
    double lonMin = -180;
    double lonMax = 180;
    StringBuilder hash = new StringBuilder(precision);
    boolean lonBit = true;
    int bit = 0;
    int ch = 0;
    while (hash.length() < precision) {
      if (lonBit) {
        double mid = (lonMin + lonMax) / 2;
        if (lon >= mid) {
          ch = (ch << 1) | 1;
          lonMin = mid;
        } else {
          ch <<= 1;
          lonMax = mid;
        }
      } else {
        double mid = (latMin + latMax) / 2;
        if (lat >= mid) {
          ch = (ch << 1) | 1;
          latMin = mid;
        } else {
          ch <<= 1;
          latMax = mid;
        }
      }
      lonBit = !lonBit;
      if (++bit == 5) {
        hash.append(BASE32[ch]);
        bit = 0;
        ch = 0;
      }
    }
    return hash.toString();
  }

  private Geohash() {}
}
