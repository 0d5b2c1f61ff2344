package org.civitas.policy.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.civitas.contract.FieldViolation;
import org.civitas.contract.reading.Reading.Location;

/**
 * The shape rules of a registration (CONTRACT §9). Each broken rule is a field error with a stable
 * code; messages state the rule and never repeat the submitted value.
 */
final class RegistrationValidation {

  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");
  static final int MAX_LIST = 32;

  private final Predicate<String> knownCategory;
  private final List<FieldViolation> violations = new ArrayList<>();

  private RegistrationValidation(Predicate<String> knownCategory) {
    this.knownCategory = knownCategory;
  }

  /** Every rule the registration breaks, empty when it is well-formed. */
  static List<FieldViolation> check(NewSensor sensor, Predicate<String> knownCategory) {
    RegistrationValidation validation = new RegistrationValidation(knownCategory);
    validation.run(sensor);
    return List.copyOf(validation.violations);
  }

  private void run(NewSensor s) {
    identifier("sensorId", s.sensorId());
    identifier("vendorId", s.vendorId());
    text("type", s.type(), 64, true);
    list("categories", s.categories(), this::category);
    list("purposes", s.purposes(), (field, purpose) -> identifier(field, purpose));
    location(s.location());
    matches(
        "jurisdiction",
        s.jurisdiction(),
        JURISDICTION,
        "must be an ISO 3166 country or subdivision code such as CA-ON");
    list(
        "processingLocations",
        s.processingLocations(),
        (field, country) ->
            matches(field, country, COUNTRY, "must be an ISO 3166-1 alpha-2 country code"));
    text("legalBasis", s.legalBasis(), 1000, true);
    text("accountableOrganization", s.accountableOrganization(), 200, true);
    text("contact", s.contact(), 200, true);
    text("description", s.description(), 2000, false);
  }

  private void identifier(String field, String value) {
    matches(field, value, IDENTIFIER, "must be 1 to 64 letters, digits, '.', '_' or '-'");
  }

  private void matches(String field, String value, Pattern pattern, String rule) {
    if (value == null || value.isBlank()) {
      required(field);
    } else if (!pattern.matcher(value).matches()) {
      violations.add(new FieldViolation(field, "invalid_format", field + " " + rule));
    }
  }

  private void text(String field, String value, int maxLength, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        required(field);
      }
    } else if (value.length() > maxLength) {
      violations.add(
          new FieldViolation(
              field, "too_long", field + " must be at most " + maxLength + " characters"));
    }
  }

  private void list(String field, List<String> values, ElementRule rule) {
    if (values == null || values.isEmpty()) {
      violations.add(
          new FieldViolation(field, "required", field + " must list at least one entry"));
      return;
    }
    if (values.size() > MAX_LIST) {
      violations.add(
          new FieldViolation(
              field, "too_many", field + " must list at most " + MAX_LIST + " entries"));
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      rule.check(field + "[" + i + "]", values.get(i));
    }
  }

  private void category(String field, String category) {
    if (category == null || category.isBlank()) {
      required(field);
    } else if (!knownCategory.test(category)) {
      violations.add(
          new FieldViolation(
              field,
              "category_unknown",
              "category is neither built in, configured, nor covered by the active policy"));
    }
  }

  private void location(Location location) {
    if (location == null) {
      required("location");
      return;
    }
    coordinate("location.lat", location.lat(), 90);
    coordinate("location.lon", location.lon(), 180);
  }

  private void coordinate(String field, Double value, double bound) {
    if (value == null) {
      required(field);
    } else if (!Double.isFinite(value) || value < -bound || value > bound) {
      violations.add(
          new FieldViolation(
              field,
              "location_invalid",
              field + " must be a finite number in [-" + (int) bound + ", " + (int) bound + "]"));
    }
  }

  private void required(String field) {
    violations.add(new FieldViolation(field, "required", field + " is required"));
  }

  @FunctionalInterface
  private interface ElementRule {
    void check(String field, String value);
  }
}
