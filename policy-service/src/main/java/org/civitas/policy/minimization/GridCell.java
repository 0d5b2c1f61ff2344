package org.civitas.policy.minimization;

import java.util.Locale;

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
    return String.format(Locale.ROOT, "grid%d:%.6f,%.6f", meters, cellLat, cellLon);
  }

  private GridCell() {}
}
