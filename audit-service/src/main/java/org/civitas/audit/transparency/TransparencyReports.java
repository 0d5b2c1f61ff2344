package org.civitas.audit.transparency;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.civitas.audit.log.JsonCanonicalizer;
import org.civitas.audit.treehead.ReportSignatures;
import org.civitas.audit.treehead.SignedTreeHead;
import org.civitas.audit.treehead.SigningKey;
import org.civitas.audit.treehead.TreeHeads;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Issues transparency reports: figures from the rollups, the latest signed tree head, and an
 * Ed25519 signature with the tree-head key over the canonical report without its signature.
 */
@Service
public class TransparencyReports {

  private final Rollups rollups;
  private final TreeHeads treeHeads;
  private final SigningKey key;
  private final Clock clock;

  TransparencyReports(Rollups rollups, TreeHeads treeHeads, SigningKey key, Optional<Clock> clock) {
    this.rollups = rollups;
    this.treeHeads = treeHeads;
    this.key = key;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  public Clock clock() {
    return clock;
  }

  /** The signed report as RFC 8785 canonical JSON bytes. */
  public byte[] signedJson(ReportRange range) {
    // The head is read first, so the figures cover at least every event under it.
    SignedTreeHead head = treeHeads.latest();
    TransparencyReport.Tallies tallies = rollups.tallies(range.from(), range.to());
    return signedCanonical(TransparencyReport.figures(tallies, range, head, clock.instant()), key);
  }

  /** One CSV row per rollup cell in the range, with a header line. */
  public String csv(ReportRange range) {
    return TransparencyReport.csv(rollups.between(range.from(), range.to()));
  }

  /**
   * What {@code canonicalize(sign(report, key))} gives, canonicalizing each member once: an
   * object's RFC 8785 form is its members' forms in name order, so the bytes the signature covers
   * and the signed report are put together from the same pieces (a year's report is over a
   * megabyte; canonicalizing it twice, after a deep copy, cost more than reading its figures).
   */
  static byte[] signedCanonical(ObjectNode report, SigningKey key) {
    if (report.has(ReportSignatures.SIGNATURE)) {
      throw new IllegalArgumentException("the report is signed already");
    }
    report.put("keyId", key.keyId());
    // String order is UTF-16 code unit order, the order RFC 8785 sorts member names in
    Map<String, byte[]> members = new TreeMap<>();
    report
        .properties()
        .forEach(
            member ->
                members.put(member.getKey(), JsonCanonicalizer.canonicalize(member.getValue())));
    byte[] signature = key.sign(canonicalObject(members));
    members.put(
        ReportSignatures.SIGNATURE,
        JsonCanonicalizer.canonicalize(
            StringNode.valueOf(Base64.getEncoder().encodeToString(signature))));
    return canonicalObject(members);
  }

  private static byte[] canonicalObject(Map<String, byte[]> members) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(
            members.values().stream().mapToInt(value -> value.length + 32).sum() + 2);
    out.write('{');
    boolean first = true;
    for (Map.Entry<String, byte[]> member : members.entrySet()) {
      if (!first) {
        out.write(',');
      }
      first = false;
      out.writeBytes(JsonCanonicalizer.canonicalize(StringNode.valueOf(member.getKey())));
      out.write(':');
      out.writeBytes(member.getValue());
    }
    out.write('}');
    return out.toByteArray();
  }

  /** Adds {@code keyId} and the {@code signature} over everything else. */
  static ObjectNode sign(ObjectNode report, SigningKey key) {
    report.put("keyId", key.keyId());
    report.put(
        ReportSignatures.SIGNATURE,
        Base64.getEncoder().encodeToString(key.sign(ReportSignatures.signedBytes(report))));
    return report;
  }
}
