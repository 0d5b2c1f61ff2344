package org.civitas.audit.transparency;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The cell of the daily rollup an event counts in. Actors appear only by role and organization,
 * never by subject. Absent facts are {@code ""} (and policy version 0) so that every part can be a
 * key column; the policy version is kept only for {@code POLICY_PUBLISHED}, so that other actions
 * do not split into one cell per version.
 */
record RollupKey(
    LocalDate day,
    String action,
    String purpose,
    String role,
    String organization,
    String category,
    String decision,
    boolean warrant,
    String destinationCountry,
    long policyVersion)
    implements Comparable<RollupKey> {

  static final String POLICY_PUBLISHED = "POLICY_PUBLISHED";
  static final int MAX_FACT_LENGTH = 256;
  static final int MAX_ROLES = 32;
  static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
  static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  private static final Comparator<RollupKey> ORDER =
      Comparator.comparing(RollupKey::day)
          .thenComparing(RollupKey::action)
          .thenComparing(RollupKey::purpose)
          .thenComparing(RollupKey::role)
          .thenComparing(RollupKey::organization)
          .thenComparing(RollupKey::category)
          .thenComparing(RollupKey::decision)
          .thenComparing(RollupKey::warrant)
          .thenComparing(RollupKey::destinationCountry)
          .thenComparingLong(RollupKey::policyVersion);

  /**
   * Keys an event as logged.
   *
   * @param loggedOn the day to count an event on when it has no valid {@code occurredAt}
   */
  static RollupKey of(JsonNode event, LocalDate loggedOn) {
    return onDay(event, dayOf(event.get("occurredAt"), loggedOn));
  }

  /**
   * Keys an event on a day found already: the UTC day of its {@code occurredAt} when that is an
   * ISO-8601 time with offset in years 1 to 9999 (as the log's decoder reads it), else the day it
   * was logged on.
   */
  static RollupKey onDay(JsonNode event, LocalDate day) {
    JsonNode actor = event.path("actor");
    JsonNode resource = event.path("resource");
    String action = fact(event.get("action"));
    String destination = country(resource.get("destinationCountry"));
    if (destination.isEmpty()) {
      destination = country(event.get("destinationCountry"));
    }
    JsonNode warrantRef = event.path("legalBasis").get("warrantRef");
    return new RollupKey(
        day,
        action,
        fact(event.get("purpose")),
        roles(actor.get("roles")),
        fact(actor.get("organization")),
        fact(resource.get("category")),
        fact(event.get("decision")),
        warrantRef != null && warrantRef.isString() && !warrantRef.stringValue().isBlank(),
        destination,
        POLICY_PUBLISHED.equals(action) ? count(event.get("policyVersion")) : 0);
  }

  /** The event's {@code recordCount} when it is a count, else 0. */
  static long recordCount(JsonNode event) {
    return count(event.get("recordCount"));
  }

  private static LocalDate dayOf(JsonNode occurredAt, LocalDate loggedOn) {
    if (occurredAt == null || !occurredAt.isString()) {
      return loggedOn;
    }
    try {
      OffsetDateTime time = OffsetDateTime.parse(occurredAt.stringValue());
      if (time.getYear() < 1 || time.getYear() > 9999) {
        return loggedOn;
      }
      return time.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      return loggedOn;
    }
  }

  private static String fact(JsonNode node) {
    if (node == null || !node.isString()) {
      return "";
    }
    String value = node.stringValue();
    return value.length() > MAX_FACT_LENGTH || value.indexOf('\0') >= 0 ? "" : value;
  }

  /**
   * An export's destination as the public report may show it: an ISO 3166-1 alpha-2 code, which is
   * what policy-service accepts, or nothing; free text never reaches the public figures.
   */
  private static String country(JsonNode node) {
    String value = fact(node);
    return COUNTRY.matcher(value).matches() ? value : "";
  }

  private static String roles(JsonNode node) {
    TreeSet<String> roles = new TreeSet<>();
    if (node != null && node.isArray()) {
      for (int i = 0; i < node.size() && i < MAX_ROLES; i++) {
        String role = fact(node.get(i));
        if (!role.isEmpty()) {
          roles.add(role);
        }
      }
    }
    String joined = String.join("+", roles);
    // every role fits, but 32 of them together would not fit an index entry of the rollups (about
    // 2.7 kB), and the batch holding the event would fail: a role set that long is left out like
    // any other overlong fact
    return joined.length() > MAX_FACT_LENGTH ? "" : joined;
  }

  private static long count(JsonNode node) {
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
      return 0;
    }
    long value = node.longValue();
    return value < 0 || value > MAX_SAFE_INTEGER ? 0 : value;
  }

  @Override
  public int compareTo(RollupKey other) {
    return ORDER.compare(this, other);
  }
}
