package org.civitas.policy.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.civitas.contract.FieldViolation;
import org.civitas.policy.governance.GovernedReadings.Position;
import org.springframework.stereotype.Component;

/**
 * Validates the query parameters of a data request, reporting every wrong field at once. Messages
 * name the rule, never the submitted value.
 */
@Component
public class ReadingRequests {

  private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,63}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Pattern WARRANT = Pattern.compile("[A-Za-z0-9 ._:/#()-]{1,128}");

  /** Either a valid request or the list of violations. */
  public sealed interface Parsed {
    record Valid(ReadingRequest request) implements Parsed {}

    record Invalid(List<FieldViolation> errors) implements Parsed {}
  }

  private final AccessSettings settings;

  ReadingRequests(AccessSettings settings) {
    this.settings = settings;
  }

  public Parsed parse(
      String category,
      String from,
      String to,
      String sensorId,
      String purpose,
      String warrantRef,
      String cursor,
      String limit) {
    List<FieldViolation> errors = new ArrayList<>();
    if (blank(purpose)) {
      errors.add(new FieldViolation("purpose", "required", "parameter is required"));
    } else if (!PURPOSE.matcher(purpose).matches()) {
      errors.add(new FieldViolation("purpose", "invalid_format", "purposes are lower-kebab-case"));
    }
    if (blank(category)) {
      errors.add(new FieldViolation("category", "required", "parameter is required"));
    } else if (!CATEGORY.matcher(category).matches()) {
      errors.add(
          new FieldViolation("category", "invalid_format", "categories are lower_snake_case"));
    }
    Instant fromInstant = instant("from", from, errors);
    Instant toInstant = instant("to", to, errors);
    if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
      errors.add(new FieldViolation("to", "invalid_range", "must be after from"));
    }
    if (!blank(sensorId) && !IDENTIFIER.matcher(sensorId).matches()) {
      errors.add(new FieldViolation("sensorId", "invalid_format", "not a sensor id"));
    }
    if (!blank(warrantRef) && !WARRANT.matcher(warrantRef).matches()) {
      errors.add(
          new FieldViolation(
              "warrantRef", "invalid_format", "at most 128 letters, digits and ._:/#()- "));
    }
    Position after = null;
    if (!blank(cursor)) {
      after = ReadingCursor.decode(cursor).orElse(null);
      if (after == null) {
        errors.add(new FieldViolation("cursor", "invalid_cursor", "not a cursor of this API"));
      }
    }
    int pageSize = settings.defaultLimit();
    if (!blank(limit)) {
      try {
        pageSize = Integer.parseInt(limit);
        if (pageSize < 1 || pageSize > settings.maxLimit()) {
          errors.add(
              new FieldViolation(
                  "limit", "out_of_range", "must be between 1 and " + settings.maxLimit()));
        }
      } catch (NumberFormatException e) {
        errors.add(new FieldViolation("limit", "invalid_format", "must be a whole number"));
      }
    }
    if (!errors.isEmpty()) {
      return new Parsed.Invalid(errors);
    }
    return new Parsed.Valid(
        new ReadingRequest(
            category,
            fromInstant,
            toInstant,
            blank(sensorId) ? null : sensorId,
            purpose,
            blank(warrantRef) ? null : warrantRef.strip(),
            after,
            pageSize));
  }

  private static Instant instant(String field, String value, List<FieldViolation> errors) {
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

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
