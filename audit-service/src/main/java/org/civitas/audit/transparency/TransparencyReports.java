package org.civitas.audit.transparency;

import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.civitas.audit.log.JsonCanonicalizer;
import org.civitas.audit.treehead.ReportSignatures;
import org.civitas.audit.treehead.SignedTreeHead;
import org.civitas.audit.treehead.SigningKey;
import org.civitas.audit.treehead.TreeHeads;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

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
    return JsonCanonicalizer.canonicalize(
        sign(TransparencyReport.figures(tallies, range, head, clock.instant()), key));
  }

  /** One CSV row per rollup cell in the range, with a header line. */
  public String csv(ReportRange range) {
    return TransparencyReport.csv(rollups.between(range.from(), range.to()));
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
