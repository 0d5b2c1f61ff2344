package org.civitas.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.civitas.audit.log.AuditLogFixtures;
import org.civitas.audit.log.JsonCanonicalizer;
import org.civitas.audit.merkle.MerkleFrontier;
import org.civitas.audit.merkle.MerkleMath;
import org.civitas.audit.treehead.SignedTreeHead;
import org.civitas.audit.treehead.SigningKey;
import org.civitas.audit.treehead.TreeHeadSignatures;
import org.civitas.contract.ContractJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandUnitTest {

  private static final int EVENTS = 13;

  @TempDir Path directory;

  private final SigningKey key = SigningKey.generate();
  private List<String> items;
  private List<String> bareEvents;
  private Path keyFile;
  private Path headFile;

  @BeforeEach
  void exportAnUntouchedLog() throws IOException {
    items = new ArrayList<>();
    bareEvents = new ArrayList<>();
    MerkleFrontier frontier = MerkleFrontier.empty();
    for (int i = 0; i < EVENTS; i++) {
      byte[] json =
          ContractJson.mapper()
              .writeValueAsBytes(
                  AuditLogFixtures.event("event-" + i, "actor-" + i, "purpose-" + i));
      byte[] leafHash = MerkleMath.leafHash(JsonCanonicalizer.canonicalize(json));
      frontier.append(leafHash);
      String event = new String(json, StandardCharsets.UTF_8);
      bareEvents.add(event);
      items.add(
          "{\"leafIndex\":"
              + i
              + ",\"leafHash\":\""
              + Base64.getEncoder().encodeToString(leafHash)
              + "\",\"event\":"
              + event
              + "}");
    }
    keyFile = Files.writeString(directory.resolve("public-key.pem"), key.publicKeyPem());
    headFile = writeHead("tree-head.json", sign(EVENTS, frontier.root(), 1764151200123L));
  }

  @Test
  void anUntouchedLogVerifies() throws IOException {
    Outcome outcome = verify(events(items));

    assertThat(outcome.status()).isEqualTo(VerifyCommand.OK);
    assertThat(outcome.out()).startsWith("OK: verified 13 events against signed tree head");
  }

  @Test
  void bareEventsInLeafOrderVerifyToo() throws IOException {
    assertThat(verify(events(bareEvents)).status()).isEqualTo(VerifyCommand.OK);
  }

  @Test
  void alteringOneEventIsDetected() throws IOException {
    List<String> altered = new ArrayList<>(items);
    altered.set(5, altered.get(5).replace("\"purpose-5\"", "\"purpose-x\""));
    List<String> alteredBare = new ArrayList<>(bareEvents);
    alteredBare.set(5, alteredBare.get(5).replace("\"recordCount\":120", "\"recordCount\":121"));

    Outcome withHashes = verify(events(altered));
    Outcome bare = verify(events(alteredBare));

    assertThat(withHashes.status()).isEqualTo(VerifyCommand.FAILED);
    assertThat(withHashes.err()).contains("FAILED", "leaf 5", "altered");
    assertThat(bare.status()).isEqualTo(VerifyCommand.FAILED);
    assertThat(bare.err()).contains("root recomputed from the events does not match");
  }

  @Test
  void alteringAStoredLeafHashAlongWithItsEventIsStillDetected() throws IOException {
    String forged = bareEvents.get(2).replace("\"purpose-2\"", "\"purpose-x\"");
    String forgedHash =
        Base64.getEncoder()
            .encodeToString(
                MerkleMath.leafHash(
                    JsonCanonicalizer.canonicalize(forged.getBytes(StandardCharsets.UTF_8))));
    List<String> altered = new ArrayList<>(items);
    altered.set(
        2, "{\"leafIndex\":2,\"leafHash\":\"" + forgedHash + "\",\"event\":" + forged + "}");

    Outcome outcome = verify(events(altered));

    assertThat(outcome.status()).isEqualTo(VerifyCommand.FAILED);
    assertThat(outcome.err()).contains("root recomputed from the events does not match");
  }

  @Test
  void deletingOneEventIsDetected() throws IOException {
    List<String> withoutItem = new ArrayList<>(items);
    withoutItem.remove(7);
    List<String> withoutBare = new ArrayList<>(bareEvents);
    withoutBare.remove(7);
    List<String> withoutLast = new ArrayList<>(bareEvents);
    withoutLast.remove(EVENTS - 1);

    assertThat(verify(events(withoutItem)).err()).contains("expected the event at leaf 7");
    assertThat(verify(events(withoutBare)).status()).isEqualTo(VerifyCommand.FAILED);
    assertThat(verify(events(withoutLast)).err())
        .contains("covers 13 events but only 12 were supplied");
  }

  @Test
  void swappingTwoEventsIsDetected() throws IOException {
    List<String> swappedItems = new ArrayList<>(items);
    Collections.swap(swappedItems, 3, 9);
    List<String> swappedBare = new ArrayList<>(bareEvents);
    Collections.swap(swappedBare, 3, 9);
    List<String> relabelled = new ArrayList<>(items);
    Collections.swap(relabelled, 3, 9);
    relabelled.set(3, relabelled.get(3).replace("\"leafIndex\":9", "\"leafIndex\":3"));
    relabelled.set(9, relabelled.get(9).replace("\"leafIndex\":3", "\"leafIndex\":9"));

    assertThat(verify(events(swappedItems)).status()).isEqualTo(VerifyCommand.FAILED);
    assertThat(verify(events(swappedBare)).err())
        .contains("root recomputed from the events does not match");
    assertThat(verify(events(relabelled)).status()).isEqualTo(VerifyCommand.FAILED);
  }

  @Test
  void addingAnEventIsDetected() throws IOException {
    List<String> extra = new ArrayList<>(bareEvents);
    extra.add(bareEvents.get(0).replace("event-0", "event-extra"));

    assertThat(verify(events(extra)).err()).contains("more events than the signed tree head");
  }

  @Test
  void aHeadWithABadSignatureOrFromAnotherKeyFails() throws IOException {
    SignedTreeHead head = readHead();
    writeHead(
        "tree-head.json",
        new SignedTreeHead(
            head.treeSize(),
            head.rootHash(),
            head.timestamp() + 1,
            head.signature(),
            head.keyId()));
    Outcome forgedTime = verify(events(items));
    Files.writeString(keyFile, SigningKey.generate().publicKeyPem());
    Outcome otherKey = verify(events(items));

    assertThat(forgedTime.err()).contains("signature does not verify");
    assertThat(otherKey.err()).contains("key id");
  }

  @Test
  void aTrustedEarlierHeadOfTheSameLogIsAccepted() throws IOException {
    Path trusted = writeHead("trusted.json", headOfPrefix(bareEvents, 6));

    Outcome outcome = verify(events(items), "--trusted-head", trusted.toString());

    assertThat(outcome.status()).isEqualTo(VerifyCommand.OK);
    assertThat(outcome.out()).contains("consistent with the trusted head of size 6");
  }

  @Test
  void aLogRewrittenSinceTheTrustedHeadFails() throws IOException {
    List<String> history = new ArrayList<>(bareEvents);
    history.set(1, history.get(1).replace("\"purpose-1\"", "\"purpose-then\""));
    Path trusted = writeHead("trusted.json", headOfPrefix(history, 6));
    Path larger = writeHead("larger.json", sign(99, new byte[32], 1764151100000L));

    Outcome rewritten = verify(events(items), "--trusted-head", trusted.toString());

    assertThat(rewritten.status()).isEqualTo(VerifyCommand.FAILED);
    assertThat(rewritten.err()).contains("the log was rewritten");
    assertThat(verify(events(items), "--trusted-head", larger.toString()).err())
        .contains("the log shrank");
  }

  @Test
  void wrongUsageExplainsItself() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        VerifyCommand.run(
            new String[] {"--events", "x.ndjson"},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(VerifyCommand.USAGE_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--tree-head", "--public-key");
  }

  private record Outcome(int status, String out, String err) {}

  private Outcome verify(Path events, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--events",
                events.toString(),
                "--tree-head",
                headFile.toString(),
                "--public-key",
                keyFile.toString()));
    args.addAll(List.of(extra));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        VerifyCommand.run(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path events(List<String> lines) throws IOException {
    return Files.write(directory.resolve("events.ndjson"), lines, StandardCharsets.UTF_8);
  }

  private SignedHead headOfPrefix(List<String> events, int size) {
    MerkleFrontier frontier = MerkleFrontier.empty();
    for (String event : events.subList(0, size)) {
      frontier.append(
          MerkleMath.leafHash(
              JsonCanonicalizer.canonicalize(event.getBytes(StandardCharsets.UTF_8))));
    }
    return new SignedHead(sign(size, frontier.root(), 1764151100000L));
  }

  /** A head signed over a prefix of a log. */
  private record SignedHead(SignedTreeHead head) {}

  private SignedTreeHead sign(long size, byte[] root, long timestamp) {
    String rootHash = Base64.getEncoder().encodeToString(root);
    return new SignedTreeHead(
        size,
        rootHash,
        timestamp,
        Base64.getEncoder()
            .encodeToString(key.sign(TreeHeadSignatures.signedBytes(size, rootHash, timestamp))),
        key.keyId());
  }

  private Path writeHead(String name, SignedHead head) throws IOException {
    return writeHead(name, head.head());
  }

  private Path writeHead(String name, SignedTreeHead head) throws IOException {
    return Files.writeString(directory.resolve(name), Documents.json(head));
  }

  private SignedTreeHead readHead() throws IOException {
    try {
      return Documents.treeHead(Documents.parse(Files.readString(headFile), "head"), "head");
    } catch (VerificationFailed e) {
      throw new IllegalStateException(e);
    }
  }
}
