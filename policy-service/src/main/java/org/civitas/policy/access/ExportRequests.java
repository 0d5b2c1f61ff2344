package org.civitas.policy.access;

import java.util.ArrayList;
import java.util.List;
import org.civitas.contract.FieldViolation;
import org.springframework.stereotype.Component;

/** Validates an export request's body, reporting every wrong field at once. */
@Component
public class ExportRequests {

  /** Either a valid request or the list of violations. */
  public sealed interface Parsed {
    record Valid(ExportRequest request) implements Parsed {}

    record Invalid(List<FieldViolation> errors) implements Parsed {}
  }

  public Parsed parse(
      String category,
      String from,
      String to,
      String purpose,
      String destinationCountry,
      String warrantRef) {
    List<FieldViolation> errors = new ArrayList<>();
    QueryFields.Period period = QueryFields.scope(purpose, category, from, to, errors);
    QueryFields.warrantRef(warrantRef, errors);
    if (QueryFields.blank(destinationCountry)) {
      errors.add(
          new FieldViolation(
              "destinationCountry", "required", "the recipient's country is required"));
    } else if (!QueryFields.COUNTRY.matcher(destinationCountry.strip()).matches()) {
      errors.add(
          new FieldViolation(
              "destinationCountry", "invalid_country", "not an ISO 3166-1 alpha-2 country code"));
    }
    if (!errors.isEmpty()) {
      return new Parsed.Invalid(errors);
    }
    return new Parsed.Valid(
        new ExportRequest(
            category,
            period.from(),
            period.to(),
            purpose,
            destinationCountry.strip(),
            QueryFields.strippedOrNull(warrantRef)));
  }
}
