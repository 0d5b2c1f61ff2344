package org.civitas.audit.treehead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.civitas.audit.AuditServiceTestBase;
import org.civitas.audit.log.AuditLogFixtures;
import org.civitas.audit.log.JsonCanonicalizer;
import org.civitas.audit.merkle.MerkleFrontier;
import org.civitas.audit.merkle.MerkleMath;
import org.civitas.audit.merkle.MerkleProofs;
import org.civitas.contract.ContractJson;
import org.civitas.contract.audit.AuditEvent;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TreeHeadIntegrationTest extends AuditServiceTestBase {

  private static final Base64.Decoder BASE64 = Base64.getDecoder();

  @Test
  void treeHeadIsSignedByThePublishedKeyOverTheLoggedEvents() {
    AuditEvent event = AuditLogFixtures.event(newId());
    publish(event);
    await().until(() -> logged(event.eventId()));
    long index = leafIndexOf(event.eventId());

    SignedTreeHead head = awaitHeadCovering(index);
    JsonNode key = json(get("/api/v1/audit/public-key", null));
    PublicKey publicKey = TreeHeadSignatures.fromPem(key.get("publicKeyPem").asString());

    assertThat(TreeHeadSignatures.verify(publicKey, head)).isTrue();
    assertThat(head.keyId())
        .isEqualTo(key.get("keyId").asString())
        .isEqualTo(TreeHeadSignatures.keyId(publicKey));
    assertThat(rootOfLoggedEvents(head.treeSize())).isEqualTo(head.rootHash());
  }

  @Test
  void theFirstHeadIsSignedAtStartForTheEmptyLog() {
    java.util.Map<String, Object> first =
        jdbc.queryForMap("select * from tree_heads order by id limit 1");
    SignedTreeHead head =
        new SignedTreeHead(
            ((Number) first.get("tree_size")).longValue(),
            Base64.getEncoder().encodeToString((byte[]) first.get("root_hash")),
            ((Number) first.get("timestamp_ms")).longValue(),
            Base64.getEncoder().encodeToString((byte[]) first.get("signature")),
            (String) first.get("key_id"));
    PublicKey key =
        TreeHeadSignatures.fromPem(
            json(get("/api/v1/audit/public-key", null)).get("publicKeyPem").asString());

    assertThat(head.treeSize()).isZero();
    assertThat(head.rootHash()).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    assertThat(TreeHeadSignatures.verify(key, head)).isTrue();
  }

  @Test
  void signingKeyFileIsReadableOnlyByItsOwner() throws IOException {
    assertThat(Files.getPosixFilePermissions(KEY_DIRECTORY.resolve("tree-head-key.pem")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void inclusionProofFromTheEndpointVerifiesAgainstASignedHead() {
    AuditEvent event = AuditLogFixtures.event(newId());
    publish(event);
    await().until(() -> logged(event.eventId()));
    long index = leafIndexOf(event.eventId());
    SignedTreeHead head = awaitHeadCovering(index);

    JsonNode proof =
        json(
            get(
                "/api/v1/audit/proofs/inclusion?leafIndex="
                    + index
                    + "&treeSize="
                    + head.treeSize(),
                TestTokens.auditor()));

    byte[] leafHash =
        MerkleMath.leafHash(
            JsonCanonicalizer.canonicalize(ContractJson.mapper().writeValueAsBytes(event)));
    assertThat(proof.get("leafIndex").asLong()).isEqualTo(index);
    assertThat(proof.get("treeSize").asLong()).isEqualTo(head.treeSize());
    assertThat(BASE64.decode(proof.get("leafHash").asString())).isEqualTo(leafHash);
    assertThat(
            MerkleProofs.verifyInclusion(
                index,
                head.treeSize(),
                leafHash,
                hashes(proof.get("auditPath")),
                BASE64.decode(head.rootHash())))
        .isTrue();
  }

  @Test
  void consistencyProofBetweenTwoSignedHeadsVerifies() {
    AuditEvent before = AuditLogFixtures.event(newId());
    publish(before);
    await().until(() -> logged(before.eventId()));
    SignedTreeHead earlier = awaitHeadCovering(leafIndexOf(before.eventId()));
    AuditEvent after = AuditLogFixtures.event(newId());
    publish(after);
    await().until(() -> logged(after.eventId()));
    SignedTreeHead later = awaitHeadCovering(leafIndexOf(after.eventId()));

    JsonNode proof =
        json(
            get(
                "/api/v1/audit/proofs/consistency?first="
                    + earlier.treeSize()
                    + "&second="
                    + later.treeSize(),
                TestTokens.auditor()));

    assertThat(proof.get("first").asLong()).isEqualTo(earlier.treeSize());
    assertThat(proof.get("second").asLong()).isEqualTo(later.treeSize());
    assertThat(
            MerkleProofs.verifyConsistency(
                earlier.treeSize(),
                later.treeSize(),
                BASE64.decode(earlier.rootHash()),
                BASE64.decode(later.rootHash()),
                hashes(proof.get("proof"))))
        .isTrue();
  }

  @Test
  void treeHeadsAreKeptAndListedNewestFirst() {
    AuditEvent event = AuditLogFixtures.event(newId());
    publish(event);
    await().until(() -> logged(event.eventId()));
    SignedTreeHead latest = awaitHeadCovering(leafIndexOf(event.eventId()));

    JsonNode heads = json(get("/api/v1/audit/tree-heads", null));
    JsonNode none = json(get("/api/v1/audit/tree-heads?to=2000-01-01T00:00:00Z", null));

    assertThat(heads.size()).isGreaterThanOrEqualTo(2);
    List<Long> timestamps = new ArrayList<>();
    heads.forEach(h -> timestamps.add(h.get("timestamp").asLong()));
    assertThat(timestamps).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(heads.get(0).get("treeSize").asLong()).isGreaterThanOrEqualTo(latest.treeSize());
    assertThat(none.size()).isZero();
    PublicKey key =
        TreeHeadSignatures.fromPem(
            json(get("/api/v1/audit/public-key", null)).get("publicKeyPem").asString());
    for (JsonNode head : heads) {
      assertThat(TreeHeadSignatures.verify(key, head(head))).isTrue();
    }
  }

  @Test
  void proofReadsAreAudited() {
    AuditEvent event = AuditLogFixtures.event(newId());
    publish(event);
    await().until(() -> logged(event.eventId()));
    long index = leafIndexOf(event.eventId());
    awaitHeadCovering(index);

    HttpResponse<String> response =
        get("/api/v1/audit/proofs/inclusion?leafIndex=" + index, TestTokens.auditor());

    assertThat(response.statusCode()).isEqualTo(200);
    String correlationId = response.headers().firstValue("X-Correlation-Id").orElseThrow();
    await().until(() -> loggedReads(correlationId).size() == 1);
    JsonNode read = loggedReads(correlationId).get(0);
    assertThat(read.get("resource").get("category").asString()).isEqualTo("audit-proof");
    assertThat(read.get("actor").get("subject").asString()).isEqualTo("auditor");
  }

  @Test
  void outOfRangeProofArgumentsAreProblems() {
    long size = json(get("/api/v1/audit/tree-head", null)).get("treeSize").asLong();
    List<String> invalid =
        List.of(
            "/api/v1/audit/proofs/inclusion?leafIndex=" + size + "&treeSize=" + size,
            "/api/v1/audit/proofs/inclusion?leafIndex=0&treeSize=" + (size + 1_000_000),
            "/api/v1/audit/proofs/inclusion?leafIndex=-1&treeSize=1",
            "/api/v1/audit/proofs/consistency?first=0&second=1",
            "/api/v1/audit/proofs/consistency?first=2&second=1",
            "/api/v1/audit/proofs/consistency?first=1&second=" + (size + 1_000_000),
            "/api/v1/audit/proofs/consistency?first=x&second=1");
    for (String path : invalid) {
      HttpResponse<String> response = get(path, TestTokens.auditor());
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
  }

  @Test
  void proofsAreForAuditorsAndHeadsForEveryone() {
    assertThat(get("/api/v1/audit/proofs/consistency?first=1&second=1", null).statusCode())
        .isEqualTo(401);
    assertThat(
            get("/api/v1/audit/proofs/inclusion?leafIndex=0&treeSize=1", TestTokens.staff())
                .statusCode())
        .isEqualTo(403);
    assertThat(get("/api/v1/audit/tree-head", null).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/audit/tree-heads", null).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/audit/public-key", null).statusCode()).isEqualTo(200);
  }

  private SignedTreeHead awaitHeadCovering(long leafIndex) {
    return await()
        .until(
            () -> head(json(get("/api/v1/audit/tree-head", null))), h -> h.treeSize() > leafIndex);
  }

  private String rootOfLoggedEvents(long treeSize) {
    MerkleFrontier frontier = MerkleFrontier.empty();
    JsonNode range =
        json(get("/api/v1/audit/events/range?start=0&end=" + treeSize, TestTokens.auditor()));
    for (JsonNode item : range.get("items")) {
      frontier.append(MerkleMath.leafHash(JsonCanonicalizer.canonicalize(item.get("event"))));
    }
    assertThat(frontier.size()).isEqualTo(treeSize);
    return Base64.getEncoder().encodeToString(frontier.root());
  }

  private static SignedTreeHead head(JsonNode json) {
    return new SignedTreeHead(
        json.get("treeSize").asLong(),
        json.get("rootHash").asString(),
        json.get("timestamp").asLong(),
        json.get("signature").asString(),
        json.get("keyId").asString());
  }

  private static List<byte[]> hashes(JsonNode array) {
    List<byte[]> hashes = new ArrayList<>();
    array.forEach(h -> hashes.add(BASE64.decode(h.asString())));
    return hashes;
  }
}
