package org.civitas.policy.access;

import java.util.ArrayList;
import java.util.List;
import org.civitas.contract.FieldViolation;
import org.civitas.policy.governance.GovernedReadings.Position;
import org.springframework.stereotype.Component;

/**
 * Validates the query parameters of a data request, reporting every wrong field at once. Messages
 * name the rule, never the submitted value.
 */
@Component
public class ReadingRequests {

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
    QueryFields.Period period = QueryFields.scope(purpose, category, from, to, errors);
    if (!blank(sensorId) && !QueryFields.IDENTIFIER.matcher(sensorId).matches()) {
      errors.add(new FieldViolation("sensorId", "invalid_format", "not a sensor id"));
    }
    QueryFields.warrantRef(warrantRef, errors);
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
            period.from(),
            period.to(),
            blank(sensorId) ? null : sensorId,
            purpose,
            blank(warrantRef) ? null : warrantRef.strip(),
            after,
            pageSize));
  }

  private static boolean blank(String value) {
    return QueryFields.blank(value);
  }
}
