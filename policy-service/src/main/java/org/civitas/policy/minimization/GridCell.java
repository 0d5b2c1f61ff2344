package org.civitas.policy.minimization;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Snaps coordinates to the south-west corner of a square cell of roughly {@code meters} on a side.
 * Longitude steps widen with latitude so cells stay square on the ground; the band's centre
 * latitude is used so that every point of a band shares the same longitude grid.
 */
public final class GridCell {

  private static final double METERS_PER_DEGREE_LAT = 111_320.0;

  public static String snap(double lat, double lon, int meters) {
    double latStep = meters / METERS_PER_DEGREE_LAT;
    double cellLat = Math.floor(lat / latStep) * latStep;
    double bandCentre = Math.min(89.999999, Math.max(-89.999999, cellLat + latStep / 2));
    double lonStep =
        Math.min(360.0, meters / (METERS_PER_DEGREE_LAT * Math.cos(Math.toRadians(bandCentre))));
    double cellLon = Math.floor((lon + 180.0) / lonStep) * lonStep - 180.0;
    return "grid" + meters + ":" + sixDecimals(cellLat) + "," + sixDecimals(cellLon);
  }

  /**
   * What {@code String.format(Locale.ROOT, "%.6f", value)} writes (the shortest decimal that
   * identifies the double, rounded half up), without the formatter's parsing of its pattern, which
   * was a tenth of the time policy-service spent on a reading.
   */
  static String sixDecimals(double value) {
    String digits =
        new BigDecimal(Double.toString(value)).setScale(6, RoundingMode.HALF_UP).toPlainString();
    return value < 0 || (value == 0 && 1 / value < 0) ? negative(digits) : digits;
  }

  private static String negative(String digits) {
    return digits.startsWith("-") ? digits : "-" + digits;
  }

  private GridCell() {}
}
