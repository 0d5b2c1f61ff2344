package org.civitas.policy.minimization;

import org.civitas.contract.reading.GovernedReading.GovernedLocation;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.policy.document.LocationAction;

/** One compiled location action. */
@FunctionalInterface
interface LocationTransformer {

  GovernedLocation apply(Location location);

  static LocationTransformer compile(LocationAction action) {
    if (action instanceof LocationAction.Geohash g) {
      int precision = g.precision();
      return location ->
          usable(location)
              ? new GovernedLocation(
                  Geohash.encode(location.lat(), location.lon(), precision), null)
              : GovernedLocation.DROPPED;
    }
    if (action instanceof LocationAction.GridMeters grid) {
      int meters = grid.meters();
      return location ->
          usable(location)
              ? new GovernedLocation(null, GridCell.snap(location.lat(), location.lon(), meters))
              : GovernedLocation.DROPPED;
    }
    return location -> GovernedLocation.DROPPED;
  }

  private static boolean usable(Location location) {
    return location != null
        && location.lat() != null
        && location.lon() != null
        && Double.isFinite(location.lat())
        && Double.isFinite(location.lon())
        && Math.abs(location.lat()) <= 90
        && Math.abs(location.lon()) <= 180;
  }
}
