package org.civitas.audit.merkle.web;

import static org.civitas.audit.web.QueryParameters.invalid;

import java.util.Base64;
import java.util.List;
import org.civitas.audit.merkle.MerkleLog;
import org.civitas.audit.treehead.TreeHeads;
import org.civitas.audit.web.AuditedReads;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Proofs over the stored tree for auditors (CONTRACT §7.2). Sizes may be any size the log has
 * reached; proofs are meant to be checked against signed tree heads.
 */
@RestController
@RequestMapping("/api/v1/audit/proofs")
class ProofsController {

  private static final Base64.Encoder BASE64 = Base64.getEncoder();

  private final MerkleLog merkle;
  private final TreeHeads treeHeads;
  private final AuditedReads audited;

  ProofsController(MerkleLog merkle, TreeHeads treeHeads, AuditedReads audited) {
    this.merkle = merkle;
    this.treeHeads = treeHeads;
    this.audited = audited;
  }

  /** Without {@code treeSize}, the proof is against the newest signed tree head. */
  @GetMapping("/inclusion")
  InclusionProof inclusion(
      @RequestParam long leafIndex,
      @RequestParam(required = false) Long treeSize,
      Authentication caller) {
    long size = treeSize != null ? treeSize : treeHeads.latest().treeSize();
    long current = merkle.size();
    if (size < 1 || size > current) {
      throw invalid("treeSize", "out_of_range", "must be between 1 and the log's size");
    }
    if (leafIndex < 0 || leafIndex >= size) {
      throw invalid("leafIndex", "out_of_range", "must be at least 0 and less than treeSize");
    }
    MerkleLog.Inclusion inclusion = merkle.inclusion(leafIndex, size);
    audited.record(caller, AuditedReads.PROOFS, null, null, null);
    return new InclusionProof(
        leafIndex,
        size,
        BASE64.encodeToString(inclusion.leafHash()),
        encode(inclusion.auditPath()));
  }

  @GetMapping("/consistency")
  ConsistencyProof consistency(
      @RequestParam long first, @RequestParam long second, Authentication caller) {
    long current = merkle.size();
    if (second < 1 || second > current) {
      throw invalid("second", "out_of_range", "must be between 1 and the log's size");
    }
    if (first < 1 || first > second) {
      throw invalid("first", "out_of_range", "must be between 1 and second");
    }
    List<byte[]> proof = merkle.consistencyProof(first, second);
    audited.record(caller, AuditedReads.PROOFS, null, null, null);
    return new ConsistencyProof(first, second, encode(proof));
  }

  private static List<String> encode(List<byte[]> hashes) {
    return hashes.stream().map(BASE64::encodeToString).toList();
  }
}
