package org.civitas.policy.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.civitas.contract.FieldViolation;

/**
 * The fields every data request shares (CONTRACT §8), checked the same way everywhere. Messages
 * name the rule, never the submitted value.
 */
final class QueryFields {

  static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,63}");
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  static final Pattern WARRANT = Pattern.compile("[A-Za-z0-9 ._:/#()-]{1,128}");
  static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  /** The time range of a request; an end is null where it is missing or malformed. */
  record Period(Instant from, Instant to) {}

  /**
   * Checks what every data request names, in the same order everywhere: purpose, category and the
   * time range.
   */
  static Period scope(
      String purpose, String category, String from, String to, List<FieldViolation> errors) {
    purpose(purpose, errors);
    category(category, errors);
    Instant fromInstant = instant("from", from, errors);
    Instant toInstant = instant("to", to, errors);
    range(fromInstant, toInstant, errors);
    return new Period(fromInstant, toInstant);
  }

  static void purpose(String purpose, List<FieldViolation> errors) {
    if (blank(purpose)) {
      errors.add(new FieldViolation("purpose", "required", "parameter is required"));
    } else if (!PURPOSE.matcher(purpose).matches()) {
      errors.add(new FieldViolation("purpose", "invalid_format", "purposes are lower-kebab-case"));
    }
  }

  static void category(String category, List<FieldViolation> errors) {
    if (blank(category)) {
      errors.add(new FieldViolation("category", "required", "parameter is required"));
    } else if (!CATEGORY.matcher(category).matches()) {
      errors.add(
          new FieldViolation("category", "invalid_format", "categories are lower_snake_case"));
    }
  }

  static void warrantRef(String warrantRef, List<FieldViolation> errors) {
    if (!blank(warrantRef) && !WARRANT.matcher(warrantRef).matches()) {
      errors.add(
          new FieldViolation(
              "warrantRef", "invalid_format", "at most 128 letters, digits and ._:/#()- "));
    }
  }

  /** Parses an optional instant; adds an error and returns null when it is malformed. */
  static Instant instant(String field, String value, List<FieldViolation> errors) {
    if (blank(value)) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldViolation(field, "invalid_instant", "not an ISO-8601 instant with offset"));
      return null;
    }
  }

  static void range(Instant from, Instant to, List<FieldViolation> errors) {
    if (from != null && to != null && !from.isBefore(to)) {
      errors.add(new FieldViolation("to", "invalid_range", "must be after from"));
    }
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  static String strippedOrNull(String value) {
    return blank(value) ? null : value.strip();
  }

  private QueryFields() {}
}
