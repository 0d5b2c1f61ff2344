package org.civitas.policy.minimization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The grid label's own number formatting writes exactly what the JDK's formatter writes. */
class GridCellProperties {

  @Property(tries = 20_000)
  void sixDecimalsMatchesTheFormatter(@ForAll("coordinates") double value) {
    assertThat(GridCell.sixDecimals(value)).isEqualTo(String.format(Locale.ROOT, "%.6f", value));
  }

  @Property(tries = 5_000)
  void snappedCellsAreLabelledAsBefore(
      @ForAll("latitudes") double lat,
      @ForAll("longitudes") double lon,
      @ForAll("cellSizes") int meters) {
    assertThat(GridCell.snap(lat, lon, meters)).isEqualTo(formatterLabel(lat, lon, meters));
  }

  /** The label as the formatter wrote it before: stored grid cells must not change. */
  private static String formatterLabel(double lat, double lon, int meters) {
    double latStep = meters / 111_320.0;
    double cellLat = Math.floor(lat / latStep) * latStep;
    double bandCentre = Math.min(89.999999, Math.max(-89.999999, cellLat + latStep / 2));
    double lonStep = Math.min(360.0, meters / (111_320.0 * Math.cos(Math.toRadians(bandCentre))));
    double cellLon = Math.floor((lon + 180.0) / lonStep) * lonStep - 180.0;
    return String.format(Locale.ROOT, "grid%d:%.6f,%.6f", meters, cellLat, cellLon);
  }

  @Provide
  Arbitrary<Double> coordinates() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(-360, 360).ofScale(12),
        // halves at the 7th decimal, where rounding direction matters
        Arbitraries.integers()
            .between(-360_000_000, 360_000_000)
            .map(micros -> micros / 1_000_000.0 + 0.0000005),
        Arbitraries.integers()
            .between(-360_000_000, 360_000_000)
            .map(micros -> micros / 1_000_000.0 - 0.0000005),
        Arbitraries.doubles().between(-0.000001, 0.000001).ofScale(12),
        Arbitraries.of(0.0, -0.0, -0.0000004, 0.0000005, -0.0000005, 89.999999, -180.0));
  }

  @Provide
  Arbitrary<Double> latitudes() {
    return Arbitraries.doubles().between(-90, 90).ofScale(9);
  }

  @Provide
  Arbitrary<Double> longitudes() {
    return Arbitraries.doubles().between(-180, 180).ofScale(9);
  }

  @Provide
  Arbitrary<Integer> cellSizes() {
    return Arbitraries.integers().between(1, 100_000);
  }
}
