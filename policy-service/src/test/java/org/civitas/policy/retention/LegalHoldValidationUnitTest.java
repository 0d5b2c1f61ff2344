package org.civitas.policy.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.civitas.contract.FieldViolation;
import org.junit.jupiter.api.Test;

class LegalHoldValidationUnitTest {

  static NewLegalHold hold(String from, String to, String caseRef, String reason) {
    return new NewLegalHold("licence_plate", "cam-1", from, to, caseRef, reason);
  }

  static List<String> codes(LegalHoldValidation.Outcome outcome) {
    assertThat(outcome).isInstanceOf(LegalHoldValidation.Outcome.Invalid.class);
    return ((LegalHoldValidation.Outcome.Invalid) outcome)
        .errors().stream().map(e -> e.field() + ":" + e.code()).toList();
  }

  @Test
  void aCompleteHoldIsValidWithOffsetsNormalizedToInstants() {
    LegalHoldValidation.Outcome outcome =
        LegalHoldValidation.check(
            hold("2026-11-20T01:00:00+01:00", "2026-11-21T00:00:00Z", "  C-1 ", "order"));

    assertThat(outcome)
        .isEqualTo(
            new LegalHoldValidation.Outcome.Valid(
                "licence_plate",
                "cam-1",
                Instant.parse("2026-11-20T00:00:00Z"),
                Instant.parse("2026-11-21T00:00:00Z"),
                "C-1",
                "order"));
  }

  @Test
  void categoryAndSensorAreOptional() {
    assertThat(
            LegalHoldValidation.check(
                new NewLegalHold(
                    null, " ", "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z", "C-1", "order")))
        .isInstanceOf(LegalHoldValidation.Outcome.Valid.class);
  }

  @Test
  void fromMustComeBeforeTo() {
    assertThat(
            codes(
                LegalHoldValidation.check(
                    hold("2026-11-21T00:00:00Z", "2026-11-21T00:00:00Z", "C", "r"))))
        .containsExactly("to:invalid_range");
  }

  @Test
  void missingAndMalformedFieldsAreAllReported() {
    assertThat(codes(LegalHoldValidation.check(hold(null, "tomorrow", null, "line\u0007"))))
        .containsExactly(
            "from:required", "to:invalid_instant", "caseRef:required", "reason:invalid_format");
    assertThat(codes(LegalHoldValidation.check(null))).containsExactly("body:required");
  }

  @Test
  void messagesNeverRepeatTheSubmittedValue() {
    LegalHoldValidation.Outcome outcome =
        LegalHoldValidation.check(
            new NewLegalHold("Plates!", "cam 1", "x-secret", "y", "C;1", "r"));

    assertThat(((LegalHoldValidation.Outcome.Invalid) outcome).errors())
        .extracting(FieldViolation::message)
        .noneMatch(m -> m.contains("Plates!") || m.contains("x-secret") || m.contains("C;1"));
  }
}
