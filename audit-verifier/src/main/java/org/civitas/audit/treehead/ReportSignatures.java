package org.civitas.audit.treehead;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import org.civitas.audit.log.CanonicalizationException;
import org.civitas.audit.log.JsonCanonicalizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the signature of a transparency report covers (CONTRACT §7.3): the RFC 8785 canonical UTF-8
 * bytes of the report object without its {@code signature} member, signed with the tree-head key.
 */
public final class ReportSignatures {

  public static final String SIGNATURE = "signature";

  /** The bytes a report's signature covers; the report itself is left unchanged. */
  public static byte[] signedBytes(JsonNode report) {
    if (!(report instanceof ObjectNode object)) {
      throw new IllegalArgumentException("a report is a JSON object");
    }
    ObjectNode unsigned = object.deepCopy();
    unsigned.remove(SIGNATURE);
    return JsonCanonicalizer.canonicalize(unsigned);
  }

  /** Whether the report's {@code signature} was made by the given key over the rest of it. */
  public static boolean verify(PublicKey key, JsonNode report) {
    if (report == null || !report.path(SIGNATURE).isString()) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(TreeHeadSignatures.ALGORITHM);
      verifier.initVerify(key);
      verifier.update(signedBytes(report));
      return verifier.verify(Base64.getDecoder().decode(report.get(SIGNATURE).asString()));
    } catch (GeneralSecurityException | IllegalArgumentException | CanonicalizationException e) {
      return false;
    }
  }

  private ReportSignatures() {}
}
