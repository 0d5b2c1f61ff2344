package org.civitas.audit.treehead.web;

import static org.civitas.audit.web.QueryParameters.inRange;
import static org.civitas.audit.web.QueryParameters.instant;

import java.util.List;
import org.civitas.audit.treehead.SignedTreeHead;
import org.civitas.audit.treehead.SigningKey;
import org.civitas.audit.treehead.TreeHeads;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Anyone may fetch tree heads and the key that signs them (CONTRACT §7.2). */
@RestController
@RequestMapping("/api/v1/audit")
class TreeHeadController {

  static final int MAX_HEADS = 1000;

  private final TreeHeads treeHeads;
  private final SigningKey key;

  TreeHeadController(TreeHeads treeHeads, SigningKey key) {
    this.treeHeads = treeHeads;
    this.key = key;
  }

  @GetMapping("/tree-head")
  SignedTreeHead latest() {
    return treeHeads.latest();
  }

  /** Heads signed in {@code [from, to)}, newest first, at most {@code limit}. */
  @GetMapping("/tree-heads")
  List<SignedTreeHead> heads(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "" + MAX_HEADS) int limit) {
    inRange("limit", limit, 1, MAX_HEADS);
    return treeHeads.between(instant("from", from), instant("to", to), limit);
  }

  @GetMapping("/public-key")
  PublicKeyResponse publicKey() {
    return new PublicKeyResponse(key.keyId(), key.publicKeyPem());
  }
}
