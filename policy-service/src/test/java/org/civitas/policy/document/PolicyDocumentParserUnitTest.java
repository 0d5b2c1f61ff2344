package org.civitas.policy.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.civitas.contract.FieldViolation;
import org.civitas.contract.Roles;
import org.civitas.policy.document.AccessRule.Granularity;
import org.junit.jupiter.api.Test;

class PolicyDocumentParserUnitTest {

  static final String CONTRACT_EXAMPLE =
      """
      region: CA                      # where this deployment stores data
      categories:
        licence_plate:
          retention: PT24H
          residency: { storeIn: [CA], transferTo: [] }
          minimization:
            observedAt: { truncateTo: PT15M }
            location:   { geohash: 6 }
            attributes:
              plate:    { pseudonymize: { rotation: P1D } }
              speedKmh: { roundTo: 1 }
          access:
            - { purpose: traffic-planning, roles: [STAFF], granularity: aggregate, minCount: 10 }
            - { purpose: law-enforcement, roles: [LAW_ENFORCEMENT], granularity: record, requires: [warrantRef] }
      """;

  static PolicyDocument valid(String text) {
    PolicyParseResult result = PolicyDocumentParser.parse(text);
    assertThat(result).isInstanceOf(PolicyParseResult.Valid.class);
    return ((PolicyParseResult.Valid) result).document();
  }

  static List<FieldViolation> invalid(String text) {
    PolicyParseResult result = PolicyDocumentParser.parse(text);
    assertThat(result).isInstanceOf(PolicyParseResult.Invalid.class);
    return ((PolicyParseResult.Invalid) result).errors();
  }

  static String withCategory(String categoryYaml) {
    return "region: CA\ncategories:\n  licence_plate:\n" + categoryYaml.indent(4) + "";
  }

  static final String BASE =
      """
      retention: PT24H
      residency: { storeIn: [CA] }
      """;

  @Test
  void contractExampleParsesIntoRecords() {
    PolicyDocument document = valid(CONTRACT_EXAMPLE);

    assertThat(document.region()).isEqualTo("CA");
    CategoryPolicy plates = document.category("licence_plate").orElseThrow();
    assertThat(plates.retention()).isEqualTo(Duration.ofHours(24));
    assertThat(plates.residency().storeIn()).containsExactly("CA");
    assertThat(plates.residency().transferTo()).isEmpty();
    assertThat(plates.minimization().truncateTo()).isEqualTo(Duration.ofMinutes(15));
    assertThat(plates.minimization().location()).isEqualTo(new LocationAction.Geohash(6));
    assertThat(plates.minimization().attributes())
        .containsEntry("plate", new AttributeAction.Pseudonymize(Duration.ofDays(1)))
        .containsEntry("speedKmh", new AttributeAction.RoundTo(BigDecimal.ONE));
    assertThat(plates.access())
        .containsExactly(
            new AccessRule(
                "traffic-planning", Set.of(Roles.STAFF), Granularity.AGGREGATE, 10, List.of()),
            new AccessRule(
                "law-enforcement",
                Set.of(Roles.LAW_ENFORCEMENT),
                Granularity.RECORD,
                null,
                List.of("warrantRef")));
  }

  @Test
  void jsonDocumentsParseLikeYaml() {
    String json =
        """
        { "region": "CA", "categories": { "licence_plate": {
            "retention": "PT24H",
            "residency": { "storeIn": ["CA"], "transferTo": [] },
            "minimization": { "observedAt": { "truncateTo": "PT15M" }, "location": { "geohash": 6 },
              "attributes": { "plate": { "pseudonymize": { "rotation": "P1D" } }, "speedKmh": { "roundTo": 1 } } },
            "access": [
              { "purpose": "traffic-planning", "roles": ["STAFF"], "granularity": "aggregate", "minCount": 10 },
              { "purpose": "law-enforcement", "roles": ["LAW_ENFORCEMENT"], "granularity": "record", "requires": ["warrantRef"] } ] } } }
        """;

    assertThat(PolicyFormat.detect(json)).isEqualTo(PolicyFormat.JSON);
    assertThat(valid(json)).isEqualTo(valid(CONTRACT_EXAMPLE));
  }

  @Test
  void everyAttributeActionIsUnderstood() {
    PolicyDocument document =
        valid(
            withCategory(
                BASE
                    + """
                    minimization:
                      location: { gridMeters: 250 }
                      attributes:
                        a: keep
                        b: drop
                        c: redact
                        d: { pseudonymize: { rotation: PT6H } }
                        e: { roundTo: 0.5 }
                        f: { bucket: [20, 40.5, 100] }
                        g: { keep: true }
                    """));

    Minimization minimization = document.category("licence_plate").orElseThrow().minimization();
    assertThat(minimization.location()).isEqualTo(new LocationAction.GridMeters(250));
    assertThat(minimization.truncateTo()).isNull();
    assertThat(minimization.attributes())
        .containsEntry("a", new AttributeAction.Keep())
        .containsEntry("b", new AttributeAction.Drop())
        .containsEntry("c", new AttributeAction.Redact())
        .containsEntry("d", new AttributeAction.Pseudonymize(Duration.ofHours(6)))
        .containsEntry("e", new AttributeAction.RoundTo(new BigDecimal("0.5")))
        .containsEntry(
            "f",
            new AttributeAction.Bucket(
                List.of(new BigDecimal("20"), new BigDecimal("40.5"), new BigDecimal("100"))))
        .containsEntry("g", new AttributeAction.Keep());
  }

  @Test
  void missingMinimizationDropsLocationAndEveryAttribute() {
    Minimization minimization =
        valid(withCategory(BASE)).category("licence_plate").orElseThrow().minimization();

    assertThat(minimization.location()).isEqualTo(new LocationAction.Drop());
    assertThat(minimization.attributes()).isEmpty();
  }

  @Test
  void invalidRetentionIsReportedAtItsFieldPath() {
    assertThat(invalid(withCategory("retention: 24 hours\nresidency: { storeIn: [CA] }\n")))
        .containsExactly(
            new FieldViolation(
                "categories.licence_plate.retention",
                "invalid_duration",
                "not an ISO-8601 duration"));
  }

  @Test
  void monthsAndYearsAreRefusedBecauseTheirLengthVaries() {
    assertThat(invalid(withCategory("retention: P1Y\nresidency: { storeIn: [CA] }\n")))
        .extracting(FieldViolation::field, FieldViolation::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "categories.licence_plate.retention", "invalid_duration"));
  }

  @Test
  void daysAndWeeksAreAcceptedAsRetention() {
    assertThat(
            valid(withCategory("retention: P2W\nresidency: { storeIn: [CA] }\n"))
                .category("licence_plate")
                .orElseThrow()
                .retention())
        .isEqualTo(Duration.ofDays(14));
  }

  @Test
  void everyViolationIsReportedNotOnlyTheFirst() {
    List<FieldViolation> errors =
        invalid(
            """
            region: Canada
            categories:
              licence_plate:
                retension: PT24H
                residency: { storeIn: [] }
                minimization:
                  location: { geohash: 13 }
                  attributes:
                    plate: { hash: true }
                    speed: { bucket: [10, 5] }
                    lane: { roundTo: -1 }
                access:
                  - { purpose: Traffic, roles: [MAYOR], granularity: everything }
                  - { purpose: research, roles: [STAFF], granularity: aggregate }
                  - { purpose: law-enforcement, roles: [LAW_ENFORCEMENT], granularity: record }
                  - { purpose: audit, roles: [AUDITOR], granularity: record, requires: [courtOrder] }
            """);

    assertThat(errors)
        .extracting(FieldViolation::field, FieldViolation::code)
        .containsExactlyInAnyOrder(
            tuple("region", "invalid_country"),
            tuple("categories.licence_plate.retension", "unknown_field"),
            tuple("categories.licence_plate.retention", "required"),
            tuple("categories.licence_plate.residency.storeIn", "required"),
            tuple("categories.licence_plate.minimization.location.geohash", "out_of_range"),
            tuple("categories.licence_plate.minimization.attributes.plate.hash", "unknown_action"),
            tuple(
                "categories.licence_plate.minimization.attributes.speed.bucket[1]",
                "not_ascending"),
            tuple("categories.licence_plate.minimization.attributes.lane.roundTo", "out_of_range"),
            tuple("categories.licence_plate.access[0].purpose", "invalid_name"),
            tuple("categories.licence_plate.access[0].roles[0]", "unknown_role"),
            tuple("categories.licence_plate.access[0].granularity", "invalid_value"),
            tuple("categories.licence_plate.access[1].minCount", "required"),
            tuple("categories.licence_plate.access[2].requires", "warrant_required"),
            tuple("categories.licence_plate.access[3].roles[0]", "role_cannot_read_data"),
            tuple("categories.licence_plate.access[3].requires[0]", "unsupported_requirement"));
  }

  @Test
  void unknownAttributeActionNamesTheAttribute() {
    assertThat(invalid(withCategory(BASE + "minimization:\n  attributes:\n    plate: encrypt\n")))
        .extracting(FieldViolation::field, FieldViolation::code)
        .containsExactly(
            tuple("categories.licence_plate.minimization.attributes.plate", "unknown_action"));
  }

  @Test
  void pseudonymizeNeedsAValidRotation() {
    assertThat(
            invalid(
                withCategory(
                    BASE
                        + "minimization:\n  attributes:\n    plate: { pseudonymize: { rotation: daily } }\n")))
        .containsExactly(
            new FieldViolation(
                "categories.licence_plate.minimization.attributes.plate.pseudonymize.rotation",
                "invalid_duration",
                "not an ISO-8601 duration"));
  }

  @Test
  void malformedTextIsOneDocumentViolationWithoutEchoingContent() {
    List<FieldViolation> errors = invalid("region: CA\ncategories: [unclosed\n  secret-ABC123");

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).field()).isEqualTo("document");
    assertThat(errors.get(0).code()).isEqualTo("malformed");
    assertThat(errors.get(0).message()).doesNotContain("secret-ABC123");
  }

  @Test
  void duplicateFieldsAreRefused() {
    assertThat(invalid("region: CA\nregion: US\ncategories: {}\n"))
        .extracting(FieldViolation::field, FieldViolation::code)
        .containsExactly(tuple("document", "malformed"));
  }

  @Test
  void emptyDocumentIsRefused() {
    assertThat(invalid("")).extracting(FieldViolation::code).containsExactly("required");
    assertThat(invalid("region: CA\n"))
        .containsExactly(
            new FieldViolation("categories", "required", "at least one category is required"));
  }

  @Test
  void defaultPolicyCoversEveryBuiltInCategory() {
    PolicyDocument document = valid(DefaultPolicy.text());

    assertThat(document.region()).isEqualTo("CA");
    assertThat(document.categories().keySet())
        .containsExactlyInAnyOrder(
            "licence_plate",
            "traffic_count",
            "air_quality",
            "noise_level",
            "energy_usage",
            "transit_tap",
            "wifi_presence",
            "parking_occupancy",
            "pedestrian_count");
    document
        .categories()
        .values()
        .forEach(category -> assertThat(category.residency().storeIn()).containsExactly("CA"));
  }

  @Test
  void defaultPolicyPseudonymizesPersonalIdentifiers() {
    PolicyDocument document = valid(DefaultPolicy.text());

    assertThat(attribute(document, "licence_plate", "plate"))
        .isInstanceOf(AttributeAction.Pseudonymize.class);
    assertThat(attribute(document, "energy_usage", "householdId"))
        .isInstanceOf(AttributeAction.Pseudonymize.class);
    assertThat(attribute(document, "transit_tap", "cardId"))
        .isInstanceOf(AttributeAction.Pseudonymize.class);
    assertThat(attribute(document, "wifi_presence", "deviceMac"))
        .isInstanceOf(AttributeAction.Pseudonymize.class);
  }

  @Test
  void defaultPolicyLetsStaffReadRecordsAndPoliceOnlyWithAWarrant() {
    PolicyDocument document = valid(DefaultPolicy.text());

    long categoriesWithStaffRecordRule =
        document.categories().values().stream()
            .filter(
                category ->
                    category.access().stream()
                        .anyMatch(
                            rule ->
                                rule.roles().contains(Roles.STAFF)
                                    && rule.granularity() == Granularity.RECORD))
            .count();
    assertThat(categoriesWithStaffRecordRule).isGreaterThanOrEqualTo(3);
    assertThat(document.category("licence_plate").orElseThrow().access())
        .anySatisfy(
            rule -> {
              assertThat(rule.purpose()).isEqualTo("law-enforcement");
              assertThat(rule.roles()).containsExactly(Roles.LAW_ENFORCEMENT);
              assertThat(rule.requiresWarrant()).isTrue();
            })
        .anySatisfy(
            rule -> {
              assertThat(rule.purpose()).isEqualTo("research");
              assertThat(rule.granularity()).isEqualTo(Granularity.AGGREGATE);
              assertThat(rule.minCount()).isEqualTo(10);
            });
  }

  private static AttributeAction attribute(
      PolicyDocument document, String category, String attribute) {
    return document.category(category).orElseThrow().minimization().attributes().get(attribute);
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }
}
