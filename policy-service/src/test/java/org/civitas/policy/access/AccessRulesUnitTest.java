package org.civitas.policy.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.civitas.contract.Roles;
import org.civitas.policy.document.AccessRule.Granularity;
import org.civitas.policy.document.CategoryPolicy;
import org.civitas.policy.document.DefaultPolicy;
import org.civitas.policy.document.PolicyDocument;
import org.civitas.policy.document.PolicyDocumentParser;
import org.civitas.policy.document.PolicyParseResult;
import org.junit.jupiter.api.Test;

class AccessRulesUnitTest {

  static final PolicyDocument POLICY =
      ((PolicyParseResult.Valid) PolicyDocumentParser.parse(DefaultPolicy.text())).document();
  static final CategoryPolicy PLATES = POLICY.category("licence_plate").orElseThrow();
  static final Set<String> STAFF = Set.of(Roles.STAFF);
  static final Set<String> POLICE = Set.of(Roles.LAW_ENFORCEMENT);

  static AccessDecision records(Set<String> roles, String purpose, String warrantRef) {
    return AccessRules.decide(PLATES, roles, purpose, warrantRef, Granularity.RECORD);
  }

  @Test
  void staffMayReadRecordsForAPermittedPurpose() {
    assertThat(records(STAFF, "traffic-planning", null)).isInstanceOf(AccessDecision.Permit.class);
  }

  @Test
  void unknownPurposeIsDenied() {
    assertThat(records(STAFF, "marketing", null))
        .isEqualTo(new AccessDecision.Deny("purpose_not_permitted"));
  }

  @Test
  void roleWithoutARuleIsDenied() {
    assertThat(records(POLICE, "traffic-planning", null))
        .isEqualTo(new AccessDecision.Deny("role_not_permitted"));
    assertThat(records(Set.of(Roles.AUDITOR, Roles.POLICY_ADMIN), "traffic-planning", null))
        .isEqualTo(new AccessDecision.Deny("role_not_permitted"));
  }

  @Test
  void aggregateOnlyPurposeDeniesRecords() {
    assertThat(records(STAFF, "research", null))
        .isEqualTo(new AccessDecision.Deny("aggregate_only"));
    assertThat(AccessRules.decide(PLATES, STAFF, "research", null, Granularity.AGGREGATE))
        .isInstanceOf(AccessDecision.Permit.class);
  }

  @Test
  void lawEnforcementNeedsAWarrant() {
    assertThat(records(POLICE, "law-enforcement", null))
        .isEqualTo(new AccessDecision.Deny("warrant_required"));
    assertThat(records(POLICE, "law-enforcement", "  "))
        .isEqualTo(new AccessDecision.Deny("warrant_required"));
    assertThat(records(POLICE, "law-enforcement", "ONSC-2026-0042"))
        .isInstanceOf(AccessDecision.Permit.class);
  }

  @Test
  void categoryWithoutPolicyIsDenied() {
    assertThat(AccessRules.decide(null, STAFF, "traffic-planning", null, Granularity.RECORD))
        .isEqualTo(new AccessDecision.Deny("no_policy_for_category"));
  }

  @Test
  void anAggregateRuleSuppressesCellsBelowItsMinCountAndARecordRuleNone() {
    AccessDecision research =
        AccessRules.decide(PLATES, STAFF, "research", null, Granularity.AGGREGATE);
    AccessDecision planning =
        AccessRules.decide(PLATES, STAFF, "traffic-planning", null, Granularity.AGGREGATE);

    assertThat(AccessRules.smallestCell(((AccessDecision.Permit) research).rule())).isEqualTo(10);
    assertThat(AccessRules.smallestCell(((AccessDecision.Permit) planning).rule())).isEqualTo(1);
  }

  @Test
  void whenSeveralRulesPermitAnAggregateTheLeastSuppressingOneApplies() {
    CategoryPolicy category =
        ((PolicyParseResult.Valid)
                PolicyDocumentParser.parse(
                    """
                    region: CA
                    categories:
                      noise_level:
                        retention: P1D
                        residency: { storeIn: [CA] }
                        access:
                          - { purpose: research, roles: [STAFF], granularity: aggregate, minCount: 50 }
                          - { purpose: research, roles: [STAFF], granularity: aggregate, minCount: 5 }
                    """))
            .document()
            .category("noise_level")
            .orElseThrow();

    AccessDecision decision =
        AccessRules.decide(category, STAFF, "research", null, Granularity.AGGREGATE);

    assertThat(AccessRules.smallestCell(((AccessDecision.Permit) decision).rule())).isEqualTo(5);
  }
}
