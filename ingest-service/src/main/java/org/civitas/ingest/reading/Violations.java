package org.civitas.ingest.reading;

import org.civitas.contract.FieldViolation;

/**
 * The field errors of CONTRACT §4.1, one constant each: messages state the rule and never the
 * submitted value.
 */
final class Violations {

  static final FieldViolation NOT_AN_OBJECT =
      new FieldViolation("reading", "invalid_type", "a reading must be a JSON object");
  static final FieldViolation MALFORMED_JSON =
      new FieldViolation("reading", "malformed_json", "the line is not a valid JSON object");
  static final FieldViolation TOO_LARGE =
      new FieldViolation("reading", "reading_too_large", "a reading may be at most 16 KiB");

  static final FieldViolation READING_ID_REQUIRED =
      new FieldViolation("readingId", "required", "readingId is required");
  static final FieldViolation READING_ID_INVALID =
      new FieldViolation("readingId", "invalid_uuid", "readingId must be a UUID");

  static final FieldViolation SENSOR_ID_REQUIRED =
      new FieldViolation("sensorId", "required", "sensorId is required");
  static final FieldViolation SENSOR_ID_INVALID =
      new FieldViolation("sensorId", "invalid_type", "sensorId must be a string");
  static final FieldViolation SENSOR_UNKNOWN =
      new FieldViolation("sensorId", "sensor_unknown", "the sensor is not registered");
  static final FieldViolation SENSOR_NOT_OWNED =
      new FieldViolation(
          "sensorId", "sensor_not_owned", "the sensor is not registered to your vendor id");
  static final FieldViolation SENSOR_INACTIVE =
      new FieldViolation("sensorId", "sensor_inactive", "the sensor is decommissioned");

  static final FieldViolation OBSERVED_AT_REQUIRED =
      new FieldViolation("observedAt", "required", "observedAt is required");
  static final FieldViolation OBSERVED_AT_INVALID =
      new FieldViolation(
          "observedAt",
          "invalid_timestamp",
          "observedAt must be an ISO-8601 date-time with offset, e.g. 2026-11-26T10:15:30Z");
  static final FieldViolation OBSERVED_AT_FUTURE =
      new FieldViolation(
          "observedAt", "timestamp_future", "observedAt is more than 5 minutes in the future");
  static final FieldViolation OBSERVED_AT_STALE =
      new FieldViolation("observedAt", "timestamp_stale", "observedAt is more than 7 days old");

  static final FieldViolation CATEGORY_REQUIRED =
      new FieldViolation("category", "required", "category is required");
  static final FieldViolation CATEGORY_INVALID =
      new FieldViolation("category", "invalid_type", "category must be a string");
  static final FieldViolation CATEGORY_NOT_REGISTERED =
      new FieldViolation(
          "category",
          "category_not_registered",
          "the category is not one of the sensor's registered categories");

  static final FieldViolation LOCATION_INVALID =
      new FieldViolation(
          "location",
          "location_invalid",
          "location must be an object with finite numbers lat in [-90,90] and lon in [-180,180]");

  static final FieldViolation ATTRIBUTES_NOT_OBJECT =
      new FieldViolation("attributes", "attributes_invalid", "attributes must be a JSON object");
  static final FieldViolation ATTRIBUTES_TOO_MANY =
      new FieldViolation("attributes", "attributes_invalid", "at most 64 attributes are allowed");
  static final FieldViolation ATTRIBUTE_VALUE_INVALID =
      new FieldViolation(
          "attributes",
          "attributes_invalid",
          "attribute values must be strings of at most 1024 characters (well-formed text, no NUL),"
              + " finite numbers, booleans or null");

  private Violations() {}
}
