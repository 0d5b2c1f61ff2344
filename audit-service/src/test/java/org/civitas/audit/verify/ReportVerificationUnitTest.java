package org.civitas.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.civitas.audit.log.JsonCanonicalizer;
import org.civitas.audit.treehead.ReportSignatures;
import org.civitas.audit.treehead.SigningKey;
import org.civitas.audit.treehead.TreeHeadSignatures;
import org.civitas.contract.ContractJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class ReportVerificationUnitTest {

  @TempDir Path directory;

  private final SigningKey key = SigningKey.generate();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Path keyFile;
  private ObjectNode report;

  @BeforeEach
  void signAReport() throws IOException {
    keyFile = directory.resolve("public-key.pem");
    Files.writeString(keyFile, key.publicKeyPem());
    report = ContractJson.mapper().createObjectNode();
    report.put("from", "2026-11-01");
    report.put("to", "2026-11-26");
    report.putObject("lawEnforcement").put("requests", 7).put("denied", 2);
    String rootHash = Base64.getEncoder().encodeToString(new byte[32]);
    byte[] headSignature = key.sign(TreeHeadSignatures.signedBytes(12, rootHash, 1764151200123L));
    report
        .putObject("treeHead")
        .put("treeSize", 12)
        .put("rootHash", rootHash)
        .put("timestamp", 1764151200123L)
        .put("signature", Base64.getEncoder().encodeToString(headSignature))
        .put("keyId", key.keyId());
    report.put("keyId", key.keyId());
    report.put(
        "signature",
        Base64.getEncoder().encodeToString(key.sign(ReportSignatures.signedBytes(report))));
  }

  private int verify(ObjectNode document) throws IOException {
    Path file = directory.resolve("report.json");
    Files.write(file, JsonCanonicalizer.canonicalize(document));
    return VerifyCommand.run(
        new String[] {"--report", file.toString(), "--public-key", keyFile.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void anUntouchedReportVerifies() throws IOException {
    assertThat(verify(report)).isEqualTo(VerifyCommand.OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK").contains("treeSize 12");
  }

  @Test
  void aReportWithAnAlteredFigureFails() throws IOException {
    ((ObjectNode) report.get("lawEnforcement")).put("denied", 0);

    assertThat(verify(report)).isEqualTo(VerifyCommand.FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("signature does not verify");
  }

  @Test
  void aReportSignedByAnotherKeyFails() throws IOException {
    SigningKey other = SigningKey.generate();
    report.put("keyId", key.keyId());
    report.put(
        "signature",
        Base64.getEncoder().encodeToString(other.sign(ReportSignatures.signedBytes(report))));

    assertThat(verify(report)).isEqualTo(VerifyCommand.FAILED);
  }

  @Test
  void aReportNamingAForgedTreeHeadFails() throws IOException {
    ((ObjectNode) report.get("treeHead")).put("treeSize", 13);
    report.put(
        "signature",
        Base64.getEncoder().encodeToString(key.sign(ReportSignatures.signedBytes(report))));

    assertThat(verify(report)).isEqualTo(VerifyCommand.FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("tree head");
  }
}
