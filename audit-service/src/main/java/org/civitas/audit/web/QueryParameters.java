package org.civitas.audit.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.civitas.contract.FieldViolation;
import org.civitas.kit.web.ProblemException;
import org.civitas.kit.web.Problems;

/** Parameter checks that answer 400 naming the parameter, never echoing its value. */
public final class QueryParameters {

  public static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(name, "invalid_format", "must be an ISO-8601 instant with offset");
    }
  }

  public static String text(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  public static void inRange(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw invalid(name, "out_of_range", "must be between " + min + " and " + max);
    }
  }

  public static ProblemException invalid(String name, String code, String message) {
    return new ProblemException(
        Problems.validation(
            "Parameter '" + name + "' is not valid.",
            List.of(new FieldViolation(name, code, message))));
  }

  private QueryParameters() {}
}
