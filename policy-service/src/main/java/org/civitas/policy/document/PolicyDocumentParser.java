package org.civitas.policy.document;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.civitas.contract.FieldViolation;
import org.civitas.contract.Roles;
import org.civitas.policy.document.AccessRule.Granularity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a policy document from YAML or JSON and validates all of it, reporting every violation with
 * its field path (e.g. {@code categories.licence_plate.retention}) rather than stopping at the
 * first. Unknown fields are violations too: a misspelt rule must not be silently ignored.
 */
public final class PolicyDocumentParser {

  static final int MAX_GEOHASH_PRECISION = 12;
  static final int MAX_GRID_METERS = 100_000;

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,63}");
  private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
  private static final Set<String> DATA_ROLES = Set.of(Roles.STAFF, Roles.LAW_ENFORCEMENT);
  private static final Set<String> KNOWN_ROLES =
      Set.of(Roles.STAFF, Roles.LAW_ENFORCEMENT, Roles.POLICY_ADMIN, Roles.AUDITOR, Roles.VENDOR);
  private static final String LAW_ENFORCEMENT_PURPOSE = "law-enforcement";

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  public static PolicyParseResult parse(String text) {
    return parse(text, PolicyFormat.detect(text == null ? "" : text));
  }

  public static PolicyParseResult parse(String text, PolicyFormat format) {
    JsonNode root;
    try {
      root = (format == PolicyFormat.JSON ? JSON : YAML).readTree(text == null ? "" : text);
    } catch (JacksonException e) {
      return new PolicyParseResult.Invalid(List.of(malformed(format, e)));
    }
    return parseTree(root);
  }

  /** Validates an already parsed tree, e.g. a draft embedded in a JSON request. */
  public static PolicyParseResult parseTree(JsonNode root) {
    Walker walker = new Walker();
    PolicyDocument document = walker.document(root);
    return walker.violations.isEmpty()
        ? new PolicyParseResult.Valid(document)
        : new PolicyParseResult.Invalid(walker.violations);
  }

  /** Reads the document as a plain JSON tree, for showing it back in responses. */
  public static JsonNode tree(String text) {
    return (PolicyFormat.detect(text) == PolicyFormat.JSON ? JSON : YAML).readTree(text);
  }

  private static FieldViolation malformed(PolicyFormat format, JacksonException e) {
    String where = "";
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      where =
          " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")";
    }
    String reason =
        e.getMessage() != null && e.getMessage().contains("Duplicate")
            ? "has a duplicate field"
            : "is not valid " + format.name();
    return new FieldViolation("document", "malformed", "document " + reason + where);
  }

  /**
   * Parses an ISO-8601 duration of fixed length. Days and weeks are accepted in either Duration or
   * Period notation; months and years are refused because their length varies.
   */
  static Duration parseDuration(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException notDuration) {
      Period period = Period.parse(text);
      if (period.getYears() != 0 || period.getMonths() != 0) {
        throw new IllegalArgumentException("months and years have no fixed length");
      }
      return Duration.ofDays(period.getDays());
    }
  }

  private static final class Walker {
    final List<FieldViolation> violations = new ArrayList<>();

    void violation(String field, String code, String message) {
      violations.add(new FieldViolation(field, code, message));
    }

    PolicyDocument document(JsonNode root) {
      if (root == null || root.isMissingNode() || root.isNull()) {
        violation("document", "required", "policy document is empty");
        return null;
      }
      if (!root.isObject()) {
        violation("document", "invalid_type", "must be an object");
        return null;
      }
      onlyKnown(root, "", Set.of("region", "categories"));
      String region = country(root.get("region"), "region", true);
      Map<String, CategoryPolicy> categories = new LinkedHashMap<>();
      JsonNode cats = root.get("categories");
      if (cats == null || cats.isNull()) {
        violation("categories", "required", "at least one category is required");
      } else if (!cats.isObject()) {
        violation("categories", "invalid_type", "must be an object keyed by category");
      } else if (cats.isEmpty()) {
        violation("categories", "required", "at least one category is required");
      } else {
        for (Map.Entry<String, JsonNode> entry : cats.properties()) {
          String field = "categories." + entry.getKey();
          if (!CATEGORY.matcher(entry.getKey()).matches()) {
            violation(field, "invalid_name", "category names are lower_snake_case");
            continue;
          }
          CategoryPolicy category = category(entry.getValue(), field);
          if (category != null) {
            categories.put(entry.getKey(), category);
          }
        }
      }
      return violations.isEmpty() ? new PolicyDocument(region, categories) : null;
    }

    CategoryPolicy category(JsonNode node, String field) {
      if (!requireObject(node, field)) {
        return null;
      }
      onlyKnown(node, field, Set.of("retention", "residency", "minimization", "access"));
      Duration retention = duration(node.get("retention"), field + ".retention", true);
      Residency residency = residency(node.get("residency"), field + ".residency");
      Minimization minimization = minimization(node.get("minimization"), field + ".minimization");
      List<AccessRule> access = access(node.get("access"), field + ".access");
      return new CategoryPolicy(retention, residency, minimization, access);
    }

    Residency residency(JsonNode node, String field) {
      if (!requireObject(node, field)) {
        return null;
      }
      onlyKnown(node, field, Set.of("storeIn", "transferTo"));
      List<String> storeIn = countries(node.get("storeIn"), field + ".storeIn", true);
      List<String> transferTo = countries(node.get("transferTo"), field + ".transferTo", false);
      return new Residency(storeIn, transferTo);
    }

    List<String> countries(JsonNode node, String field, boolean required) {
      List<String> result = new ArrayList<>();
      if (node == null || node.isNull()) {
        if (required) {
          violation(field, "required", "at least one country is required");
        }
        return result;
      }
      if (!node.isArray()) {
        violation(field, "invalid_type", "must be a list of country codes");
        return result;
      }
      if (required && node.isEmpty()) {
        violation(field, "required", "at least one country is required");
      }
      for (int i = 0; i < node.size(); i++) {
        String country = country(node.get(i), field + "[" + i + "]", true);
        if (country != null) {
          result.add(country);
        }
      }
      return result;
    }

    String country(JsonNode node, String field, boolean required) {
      if (node == null || node.isNull()) {
        if (required) {
          violation(field, "required", "a country code is required");
        }
        return null;
      }
      if (!node.isString() || !COUNTRY.matcher(node.stringValue()).matches()) {
        violation(field, "invalid_country", "not an ISO 3166-1 alpha-2 country code");
        return null;
      }
      return node.stringValue();
    }

    Minimization minimization(JsonNode node, String field) {
      if (node == null || node.isNull()) {
        return new Minimization(null, new LocationAction.Drop(), Map.of());
      }
      if (!requireObject(node, field)) {
        return null;
      }
      onlyKnown(node, field, Set.of("observedAt", "location", "attributes"));
      Duration truncateTo = null;
      JsonNode observedAt = node.get("observedAt");
      if (observedAt != null
          && !observedAt.isNull()
          && requireObject(observedAt, field + ".observedAt")) {
        onlyKnown(observedAt, field + ".observedAt", Set.of("truncateTo"));
        truncateTo =
            duration(observedAt.get("truncateTo"), field + ".observedAt.truncateTo", false);
      }
      LocationAction location = location(node.get("location"), field + ".location");
      Map<String, AttributeAction> attributes = new LinkedHashMap<>();
      JsonNode attrs = node.get("attributes");
      if (attrs != null && !attrs.isNull()) {
        if (!attrs.isObject()) {
          violation(field + ".attributes", "invalid_type", "must be an object keyed by attribute");
        } else {
          for (Map.Entry<String, JsonNode> entry : attrs.properties()) {
            String attrField = field + ".attributes." + entry.getKey();
            if (!ATTRIBUTE.matcher(entry.getKey()).matches()) {
              violation(attrField, "invalid_name", "not a valid attribute name");
              continue;
            }
            AttributeAction action = attributeAction(entry.getValue(), attrField);
            if (action != null) {
              attributes.put(entry.getKey(), action);
            }
          }
        }
      }
      return new Minimization(truncateTo, location, attributes);
    }

    LocationAction location(JsonNode node, String field) {
      if (node == null || node.isNull()) {
        return new LocationAction.Drop();
      }
      if (node.isString() && node.stringValue().equals("drop")) {
        return new LocationAction.Drop();
      }
      if (!node.isObject() || node.size() != 1) {
        violation(
            field,
            "invalid_action",
            "must be one of { geohash: n }, { gridMeters: n }, { drop: true }");
        return null;
      }
      Map.Entry<String, JsonNode> action = node.properties().iterator().next();
      String actionField = field + "." + action.getKey();
      switch (action.getKey()) {
        case "geohash":
          Integer precision = integer(action.getValue(), actionField, 1, MAX_GEOHASH_PRECISION);
          return precision == null ? null : new LocationAction.Geohash(precision);
        case "gridMeters":
          Integer meters = integer(action.getValue(), actionField, 1, MAX_GRID_METERS);
          return meters == null ? null : new LocationAction.GridMeters(meters);
        case "drop":
          if (!action.getValue().isBoolean() || !action.getValue().booleanValue()) {
            violation(actionField, "invalid_value", "must be true");
            return null;
          }
          return new LocationAction.Drop();
        default:
          violation(
              actionField, "unknown_action", "location actions are geohash, gridMeters, drop");
          return null;
      }
    }

    AttributeAction attributeAction(JsonNode node, String field) {
      if (node != null && node.isString()) {
        switch (node.stringValue()) {
          case "keep":
            return new AttributeAction.Keep();
          case "drop":
            return new AttributeAction.Drop();
          case "redact":
            return new AttributeAction.Redact();
          default:
            violation(
                field,
                "unknown_action",
                "attribute actions are keep, drop, redact, pseudonymize, roundTo, bucket");
            return null;
        }
      }
      if (node == null || !node.isObject() || node.size() != 1) {
        violation(field, "invalid_action", "must be an action name or an object with one action");
        return null;
      }
      Map.Entry<String, JsonNode> action = node.properties().iterator().next();
      String actionField = field + "." + action.getKey();
      JsonNode value = action.getValue();
      switch (action.getKey()) {
        case "keep":
        case "drop":
        case "redact":
          boolean noArgument =
              value.isNull()
                  || (value.isBoolean() && value.booleanValue())
                  || (value.isObject() && value.isEmpty());
          if (!noArgument) {
            violation(actionField, "invalid_value", "takes no argument (use true)");
            return null;
          }
          return attributeAction(JsonNodeFactory.instance.stringNode(action.getKey()), field);
        case "pseudonymize":
          if (!requireObject(value, actionField)) {
            return null;
          }
          onlyKnown(value, actionField, Set.of("rotation"));
          Duration rotation = duration(value.get("rotation"), actionField + ".rotation", true);
          return rotation == null ? null : new AttributeAction.Pseudonymize(rotation);
        case "roundTo":
          BigDecimal step = positiveNumber(value, actionField);
          return step == null ? null : new AttributeAction.RoundTo(step);
        case "bucket":
          return bucket(value, actionField);
        default:
          violation(
              actionField,
              "unknown_action",
              "attribute actions are keep, drop, redact, pseudonymize, roundTo, bucket");
          return null;
      }
    }

    AttributeAction bucket(JsonNode node, String field) {
      if (!node.isArray() || node.isEmpty()) {
        violation(field, "invalid_value", "must be a non-empty list of ascending numbers");
        return null;
      }
      List<BigDecimal> edges = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        JsonNode edge = node.get(i);
        if (!edge.isNumber()) {
          violation(field + "[" + i + "]", "invalid_type", "must be a number");
          return null;
        }
        BigDecimal value = edge.decimalValue();
        if (!edges.isEmpty() && value.compareTo(edges.get(edges.size() - 1)) <= 0) {
          violation(field + "[" + i + "]", "not_ascending", "edges must be strictly ascending");
          return null;
        }
        edges.add(value);
      }
      return new AttributeAction.Bucket(edges);
    }

    List<AccessRule> access(JsonNode node, String field) {
      List<AccessRule> rules = new ArrayList<>();
      if (node == null || node.isNull()) {
        return rules;
      }
      if (!node.isArray()) {
        violation(field, "invalid_type", "must be a list of access rules");
        return rules;
      }
      for (int i = 0; i < node.size(); i++) {
        AccessRule rule = accessRule(node.get(i), field + "[" + i + "]");
        if (rule != null) {
          rules.add(rule);
        }
      }
      return rules;
    }

    AccessRule accessRule(JsonNode node, String field) {
      if (!requireObject(node, field)) {
        return null;
      }
      onlyKnown(node, field, Set.of("purpose", "roles", "granularity", "minCount", "requires"));
      int before = violations.size();
      String purpose = null;
      JsonNode purposeNode = node.get("purpose");
      if (purposeNode == null || purposeNode.isNull()) {
        violation(field + ".purpose", "required", "a purpose is required");
      } else if (!purposeNode.isString() || !PURPOSE.matcher(purposeNode.stringValue()).matches()) {
        violation(field + ".purpose", "invalid_name", "purposes are lower-kebab-case");
      } else {
        purpose = purposeNode.stringValue();
      }
      Set<String> roles = new LinkedHashSet<>();
      JsonNode rolesNode = node.get("roles");
      if (rolesNode == null || rolesNode.isNull() || (rolesNode.isArray() && rolesNode.isEmpty())) {
        violation(field + ".roles", "required", "at least one role is required");
      } else if (!rolesNode.isArray()) {
        violation(field + ".roles", "invalid_type", "must be a list of roles");
      } else {
        for (int i = 0; i < rolesNode.size(); i++) {
          JsonNode role = rolesNode.get(i);
          String roleField = field + ".roles[" + i + "]";
          if (!role.isString() || !KNOWN_ROLES.contains(role.stringValue())) {
            violation(roleField, "unknown_role", "not a role of the platform");
          } else if (!DATA_ROLES.contains(role.stringValue())) {
            violation(
                roleField, "role_cannot_read_data", "only STAFF and LAW_ENFORCEMENT read data");
          } else {
            roles.add(role.stringValue());
          }
        }
      }
      Granularity granularity = null;
      JsonNode granularityNode = node.get("granularity");
      if (granularityNode == null || granularityNode.isNull()) {
        violation(field + ".granularity", "required", "granularity is required");
      } else if (granularityNode.isString() && granularityNode.stringValue().equals("record")) {
        granularity = Granularity.RECORD;
      } else if (granularityNode.isString() && granularityNode.stringValue().equals("aggregate")) {
        granularity = Granularity.AGGREGATE;
      } else {
        violation(field + ".granularity", "invalid_value", "must be record or aggregate");
      }
      Integer minCount = null;
      JsonNode minCountNode = node.get("minCount");
      if (minCountNode != null && !minCountNode.isNull()) {
        minCount = integer(minCountNode, field + ".minCount", 1, Integer.MAX_VALUE);
      } else if (granularity == Granularity.AGGREGATE) {
        violation(field + ".minCount", "required", "aggregate rules need a minCount");
      }
      List<String> requires = new ArrayList<>();
      JsonNode requiresNode = node.get("requires");
      if (requiresNode != null && !requiresNode.isNull()) {
        if (!requiresNode.isArray()) {
          violation(field + ".requires", "invalid_type", "must be a list");
        } else {
          for (int i = 0; i < requiresNode.size(); i++) {
            JsonNode requirement = requiresNode.get(i);
            if (requirement.isString()
                && requirement.stringValue().equals(AccessRule.WARRANT_REF)) {
              requires.add(AccessRule.WARRANT_REF);
            } else {
              violation(
                  field + ".requires[" + i + "]",
                  "unsupported_requirement",
                  "the only supported requirement is warrantRef");
            }
          }
        }
      }
      if (roles.contains(Roles.LAW_ENFORCEMENT)) {
        if (purpose != null && !purpose.equals(LAW_ENFORCEMENT_PURPOSE)) {
          violation(
              field + ".purpose",
              "purpose_not_allowed",
              "LAW_ENFORCEMENT may only be granted purpose law-enforcement");
        }
        if (!requires.contains(AccessRule.WARRANT_REF)) {
          violation(
              field + ".requires",
              "warrant_required",
              "rules for LAW_ENFORCEMENT must require warrantRef");
        }
      }
      if (violations.size() != before) {
        return null;
      }
      return new AccessRule(purpose, roles, granularity, minCount, requires);
    }

    Duration duration(JsonNode node, String field, boolean required) {
      if (node == null || node.isNull()) {
        if (required) {
          violation(field, "required", "an ISO-8601 duration is required");
        }
        return null;
      }
      if (!node.isString()) {
        violation(field, "invalid_duration", "not an ISO-8601 duration");
        return null;
      }
      Duration duration;
      try {
        duration = parseDuration(node.stringValue());
      } catch (DateTimeParseException e) {
        violation(field, "invalid_duration", "not an ISO-8601 duration");
        return null;
      } catch (IllegalArgumentException e) {
        violation(
            field,
            "invalid_duration",
            "months and years have no fixed length; use days, e.g. P365D");
        return null;
      }
      if (duration.isZero() || duration.isNegative()) {
        violation(field, "invalid_duration", "must be a positive duration");
        return null;
      }
      return duration;
    }

    Integer integer(JsonNode node, String field, int min, int max) {
      if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
        violation(field, "invalid_type", "must be a whole number");
        return null;
      }
      int value = node.intValue();
      if (value < min || value > max) {
        violation(field, "out_of_range", "must be between " + min + " and " + max);
        return null;
      }
      return value;
    }

    BigDecimal positiveNumber(JsonNode node, String field) {
      if (node == null || !node.isNumber()) {
        violation(field, "invalid_type", "must be a number");
        return null;
      }
      BigDecimal value = node.decimalValue();
      if (value.signum() <= 0) {
        violation(field, "out_of_range", "must be greater than zero");
        return null;
      }
      return value;
    }

    boolean requireObject(JsonNode node, String field) {
      if (node == null || node.isNull()) {
        violation(field, "required", "is required");
        return false;
      }
      if (!node.isObject()) {
        violation(field, "invalid_type", "must be an object");
        return false;
      }
      return true;
    }

    void onlyKnown(JsonNode node, String field, Set<String> known) {
      for (String name : node.propertyNames()) {
        if (!known.contains(name)) {
          violation(
              field.isEmpty() ? name : field + "." + name,
              "unknown_field",
              "not a field of this part of the policy");
        }
      }
    }
  }

  private PolicyDocumentParser() {}
}
