package org.civitas.policy.access;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.civitas.contract.FieldViolation;
import org.civitas.policy.governance.GovernedReadings.Grouping;
import org.springframework.stereotype.Component;

/**
 * Validates the query parameters of an aggregate request, reporting every wrong field at once.
 * Messages name the rule, never the submitted value.
 */
@Component
public class AggregateRequests {

  static final Duration DEFAULT_BUCKET = Duration.ofHours(1);
  static final Duration MIN_BUCKET = Duration.ofMinutes(1);
  static final Duration MAX_BUCKET = Duration.ofDays(366);

  /** Either a valid request or the list of violations. */
  public sealed interface Parsed {
    record Valid(AggregateRequest request) implements Parsed {}

    record Invalid(List<FieldViolation> errors) implements Parsed {}
  }

  public Parsed parse(
      String category,
      String from,
      String to,
      String bucket,
      String groupBy,
      String purpose,
      String warrantRef) {
    List<FieldViolation> errors = new ArrayList<>();
    QueryFields.Period period = QueryFields.scope(purpose, category, from, to, errors);
    QueryFields.warrantRef(warrantRef, errors);
    Duration bucketDuration = bucket(bucket, errors);
    Grouping grouping = grouping(groupBy, errors);
    if (!errors.isEmpty()) {
      return new Parsed.Invalid(errors);
    }
    return new Parsed.Valid(
        new AggregateRequest(
            category,
            period.from(),
            period.to(),
            bucketDuration,
            grouping,
            purpose,
            QueryFields.strippedOrNull(warrantRef)));
  }

  static Duration bucket(String value, List<FieldViolation> errors) {
    if (QueryFields.blank(value)) {
      return DEFAULT_BUCKET;
    }
    Duration bucket;
    try {
      bucket = Duration.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldViolation(
              "bucket", "invalid_duration", "not an ISO-8601 duration such as PT1H or P1D"));
      return null;
    }
    if (bucket.compareTo(MIN_BUCKET) < 0 || bucket.compareTo(MAX_BUCKET) > 0) {
      errors.add(new FieldViolation("bucket", "out_of_range", "must be between PT1M and P366D"));
      return null;
    }
    if (bucket.getNano() != 0) {
      errors.add(
          new FieldViolation("bucket", "invalid_duration", "must be a whole number of seconds"));
      return null;
    }
    return bucket;
  }

  static Grouping grouping(String value, List<FieldViolation> errors) {
    if (QueryFields.blank(value)) {
      return Grouping.NONE;
    }
    return switch (value.strip()) {
      case "sensorId" -> Grouping.SENSOR_ID;
      case "geohash" -> Grouping.GEOHASH;
      default -> {
        errors.add(new FieldViolation("groupBy", "invalid_value", "must be sensorId or geohash"));
        yield null;
      }
    };
  }
}
