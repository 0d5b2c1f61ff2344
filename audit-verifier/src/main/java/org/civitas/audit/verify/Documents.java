package org.civitas.audit.verify;

import java.security.PublicKey;
import org.civitas.audit.treehead.SignedTreeHead;
import org.civitas.audit.treehead.TreeHeadSignatures;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the JSON documents of the audit API, with errors a person can act on. */
final class Documents {

  static final JsonMapper JSON = JsonMapper.builder().build();

  static JsonNode parse(String text, String what) throws VerificationFailed {
    try {
      return JSON.readTree(text);
    } catch (JacksonException e) {
      throw new VerificationFailed(what + " is not JSON");
    }
  }

  static SignedTreeHead treeHead(JsonNode json, String what) throws VerificationFailed {
    if (json == null
        || !json.path("treeSize").isIntegralNumber()
        || !json.path("rootHash").isString()
        || !json.path("timestamp").isIntegralNumber()
        || !json.path("signature").isString()) {
      throw new VerificationFailed(
          what + " is not a tree head (treeSize, rootHash, timestamp, signature, keyId)");
    }
    return new SignedTreeHead(
        json.get("treeSize").asLong(),
        json.get("rootHash").asString(),
        json.get("timestamp").asLong(),
        json.get("signature").asString(),
        json.path("keyId").isString() ? json.get("keyId").asString() : null);
  }

  /** A public key from PEM text, or from the JSON of {@code /public-key}. */
  static PublicKey publicKey(String text, String what) throws VerificationFailed {
    String pem = text;
    if (text.strip().startsWith("{")) {
      JsonNode json = parse(text, what);
      if (!json.path("publicKeyPem").isString()) {
        throw new VerificationFailed(what + " has no publicKeyPem");
      }
      pem = json.get("publicKeyPem").asString();
    }
    try {
      return TreeHeadSignatures.fromPem(pem);
    } catch (IllegalArgumentException e) {
      throw new VerificationFailed(what + " holds no Ed25519 public key: " + e.getMessage());
    }
  }

  /**
   * A leaf from an item ({@code {leafIndex, leafHash, event}}, as the API and exports give them) or
   * from a bare event, which then sits at {@code position}.
   */
  static LeafItem leaf(JsonNode json, long position, String what) throws VerificationFailed {
    if (json == null || !json.isObject()) {
      throw new VerificationFailed(what + " is not a JSON object");
    }
    if (json.path("event").isObject() && json.path("leafIndex").isIntegralNumber()) {
      return new LeafItem(
          json.get("leafIndex").asLong(),
          json.path("leafHash").isString() ? json.get("leafHash").asString() : null,
          json.get("event"));
    }
    return new LeafItem(position, null, json);
  }

  static String json(Object value) {
    return JSON.writeValueAsString(value);
  }

  private Documents() {}
}
