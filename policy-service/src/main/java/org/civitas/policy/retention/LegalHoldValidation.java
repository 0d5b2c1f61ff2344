package org.civitas.policy.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.civitas.contract.FieldViolation;

/**
 * The rules of a legal hold request. Each broken rule is a field error with a stable code; messages
 * state the rule and never repeat the submitted value.
 */
final class LegalHoldValidation {

  static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  static final Pattern SENSOR_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  static final Pattern CASE_REF = Pattern.compile("[A-Za-z0-9 ._:/#()-]{1,128}");
  static final int MAX_REASON = 2000;

  /** Either the hold's values, or what is wrong with the request. */
  sealed interface Outcome {
    record Valid(
        String category, String sensorId, Instant from, Instant to, String caseRef, String reason)
        implements Outcome {}

    record Invalid(List<FieldViolation> errors) implements Outcome {}
  }

  static Outcome check(NewLegalHold hold) {
    List<FieldViolation> errors = new ArrayList<>();
    if (hold == null) {
      return new Outcome.Invalid(
          List.of(new FieldViolation("body", "required", "a legal hold is required")));
    }
    String category = optional(hold.category());
    if (category != null && !CATEGORY.matcher(category).matches()) {
      errors.add(
          new FieldViolation("category", "invalid_format", "categories are lower_snake_case"));
    }
    String sensorId = optional(hold.sensorId());
    if (sensorId != null && !SENSOR_ID.matcher(sensorId).matches()) {
      errors.add(new FieldViolation("sensorId", "invalid_format", "not a sensor id"));
    }
    Instant from = instant("from", hold.from(), errors);
    Instant to = instant("to", hold.to(), errors);
    if (from != null && to != null && !from.isBefore(to)) {
      errors.add(new FieldViolation("to", "invalid_range", "must be after from"));
    }
    String caseRef = optional(hold.caseRef());
    if (caseRef == null) {
      errors.add(new FieldViolation("caseRef", "required", "a case reference is required"));
    } else if (!CASE_REF.matcher(caseRef).matches()) {
      errors.add(
          new FieldViolation(
              "caseRef", "invalid_format", "at most 128 letters, digits, spaces and ._:/#()-"));
    }
    String reason = optional(hold.reason());
    if (reason == null) {
      errors.add(new FieldViolation("reason", "required", "a reason is required"));
    } else if (reason.length() > MAX_REASON) {
      errors.add(
          new FieldViolation(
              "reason", "too_long", "at most " + MAX_REASON + " characters are allowed"));
    } else if (reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
      errors.add(
          new FieldViolation("reason", "invalid_format", "control characters are not allowed"));
    }
    if (!errors.isEmpty()) {
      return new Outcome.Invalid(errors);
    }
    return new Outcome.Valid(category, sensorId, from, to, caseRef, reason);
  }

  private static Instant instant(String field, String value, List<FieldViolation> errors) {
    if (optional(value) == null) {
      errors.add(new FieldViolation(field, "required", "an ISO-8601 instant is required"));
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldViolation(field, "invalid_instant", "not an ISO-8601 instant with offset"));
      return null;
    }
  }

  private static String optional(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private LegalHoldValidation() {}
}
