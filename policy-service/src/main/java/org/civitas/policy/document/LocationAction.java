package org.civitas.policy.document;

/** What happens to a reading's coordinates. */
public sealed interface LocationAction {

  /** Geohash of the given precision, 1 (±2,500 km) to 12 (a few centimetres). */
  record Geohash(int precision) implements LocationAction {}

  /** Coordinates snapped to the south-west corner of a square grid cell of the given size. */
  record GridMeters(int meters) implements LocationAction {}

  /** No location is kept. */
  record Drop() implements LocationAction {}
}
