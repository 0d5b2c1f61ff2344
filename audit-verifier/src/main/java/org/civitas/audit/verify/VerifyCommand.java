package org.civitas.audit.verify;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civitas.audit.merkle.MerkleProofs;
import org.civitas.audit.treehead.ReportSignatures;
import org.civitas.audit.treehead.SignedTreeHead;
import org.civitas.audit.treehead.TreeHeadSignatures;
import tools.jackson.databind.JsonNode;

/**
 * Verifies the audit log against a signed tree head, online or from exported files. Runs without
 * Spring: {@code java -jar audit-service.jar verify ...} (see {@link #USAGE}). Exit status 0 when
 * the log verifies, 1 when it does not or could not be checked, 2 for wrong usage.
 */
public final class VerifyCommand {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE_ERROR = 2;

  static final String USAGE =
      """
      Verifies the Civitas audit log against its signed tree head (RFC 9162 Merkle tree, Ed25519).

      Online (downloads tree head, public key and every event through /events/range):
        java -jar audit-service.jar verify --base-url http://localhost:8080 --token <AUDITOR token>
            [--trusted-head head.json] [--public-key key.pem] [--save-head head.json]
            [--export-dir DIR] [--page-size 1000]

      Offline (files exported with --export-dir, or assembled by hand):
        java -jar audit-service.jar verify --events events.ndjson --tree-head tree-head.json
            --public-key public-key.pem [--trusted-head head.json]

      --base-url      audit-service or gateway address
      --token         AUDITOR bearer token (or environment variable CIVITAS_AUDIT_TOKEN)
      --public-key    PEM (or the JSON of /api/v1/audit/public-key); online it pins the key
      --trusted-head  a tree head verified earlier: the log must extend it (online this is also
                      checked with the log's RFC 9162 consistency proof)
      --save-head     after success, write the verified head, to pass as --trusted-head next time
      --export-dir    online: also write events.ndjson, tree-head.json and public-key.pem there
      --events        NDJSON, one {leafIndex, leafHash, event} item or one bare event per line,
                      in leaf order from leaf 0

      A signed transparency report (GET /api/v1/transparency/report), offline or online:
        java -jar audit-service.jar verify --report report.json --public-key public-key.pem
        java -jar audit-service.jar verify --report report.json --base-url http://localhost:8080

      --report        checks the report's Ed25519 signature over its RFC 8785 canonical form
                      without "signature", and the signature of the tree head it names; with
                      --base-url the key is fetched from the log (and must equal --public-key
                      when both are given)

      Exit status: 0 verified, 1 verification failed or could not be completed, 2 wrong usage.
      Also runnable as: java -cp audit-service.jar -Dloader.main=org.civitas.audit.verify.VerifyCommand
        org.springframework.boot.loader.launch.PropertiesLauncher <options>
      """;

  private static final Set<String> VALUE_OPTIONS =
      Set.of(
          "--base-url",
          "--token",
          "--trusted-head",
          "--public-key",
          "--save-head",
          "--export-dir",
          "--page-size",
          "--events",
          "--tree-head",
          "--report");

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command and returns its exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        out.print(USAGE);
        return OK;
      }
      if (!VALUE_OPTIONS.contains(arg) || i + 1 >= args.length) {
        err.println("unknown option or missing value: " + arg);
        err.print(USAGE);
        return USAGE_ERROR;
      }
      options.put(arg, args[++i]);
    }
    if (options.containsKey("--report")) {
      return report(options, out, err);
    }
    boolean online = options.containsKey("--base-url");
    boolean offline = options.containsKey("--events") || options.containsKey("--tree-head");
    if (online == offline
        || (offline
            && !(options.containsKey("--events")
                && options.containsKey("--tree-head")
                && options.containsKey("--public-key")))) {
      err.println(
          "give either --base-url (online) or --events, --tree-head and --public-key (offline)");
      err.print(USAGE);
      return USAGE_ERROR;
    }
    try {
      Result result = online ? online(options) : offline(options);
      if (options.containsKey("--save-head")) {
        Files.writeString(Path.of(options.get("--save-head")), Documents.json(result.head()));
      }
      out.println(
          "OK: verified "
              + result.count()
              + " events against signed tree head (treeSize "
              + result.head().treeSize()
              + ", rootHash "
              + result.head().rootHash()
              + ", timestamp "
              + result.head().timestamp()
              + ", keyId "
              + result.head().keyId()
              + ")"
              + (result.trusted() == null
                  ? ""
                  : "; consistent with the trusted head of size " + result.trusted().treeSize()));
      return OK;
    } catch (VerificationFailed e) {
      err.println("FAILED: " + e.getMessage());
      return FAILED;
    } catch (NoSuchFileException e) {
      err.println("FAILED: no such file: " + e.getFile());
      return FAILED;
    } catch (IOException e) {
      err.println("FAILED: could not read or write a file: " + e.getMessage());
      return FAILED;
    } catch (NumberFormatException e) {
      err.println("--page-size must be a number");
      return USAGE_ERROR;
    }
  }

  private static int report(Map<String, String> options, PrintStream out, PrintStream err) {
    if (!options.containsKey("--public-key") && !options.containsKey("--base-url")) {
      err.println("--report needs --public-key or --base-url");
      err.print(USAGE);
      return USAGE_ERROR;
    }
    try {
      Path file = Path.of(options.get("--report"));
      JsonNode report = Documents.parse(Files.readString(file), file.toString());
      PublicKey key = null;
      if (options.containsKey("--public-key")) {
        key = readKey(options.get("--public-key"));
      }
      if (options.containsKey("--base-url")) {
        AuditLogClient client = new AuditLogClient(options.get("--base-url"), null);
        PublicKey served =
            Documents.publicKey(Documents.json(client.publicKey()), "the served public key");
        if (key != null && !key.equals(served)) {
          throw new VerificationFailed("the log serves a different public key than the pinned one");
        }
        key = served;
      }
      SignedTreeHead head = verifyReport(report, key);
      out.println(
          "OK: the report for "
              + report.path("from").asString("?")
              + " to "
              + report.path("to").asString("?")
              + " is signed by key "
              + TreeHeadSignatures.keyId(key)
              + " and summarizes the log at treeSize "
              + head.treeSize()
              + ", rootHash "
              + head.rootHash());
      return OK;
    } catch (VerificationFailed e) {
      err.println("FAILED: " + e.getMessage());
      return FAILED;
    } catch (NoSuchFileException e) {
      err.println("FAILED: no such file: " + e.getFile());
      return FAILED;
    } catch (IOException e) {
      err.println("FAILED: could not read a file: " + e.getMessage());
      return FAILED;
    }
  }

  /**
   * Checks a transparency report: its signature, its key id and the signed tree head it names.
   *
   * @return the tree head the report names
   */
  static SignedTreeHead verifyReport(JsonNode report, PublicKey key) throws VerificationFailed {
    if (report == null || !report.isObject()) {
      throw new VerificationFailed("the report is not a JSON object");
    }
    if (!report.path(ReportSignatures.SIGNATURE).isString()) {
      throw new VerificationFailed("the report carries no signature");
    }
    String keyId = TreeHeadSignatures.keyId(key);
    if (!keyId.equals(report.path("keyId").asString(null))) {
      throw new VerificationFailed("the report names a different key id than the public key's");
    }
    if (!ReportSignatures.verify(key, report)) {
      throw new VerificationFailed(
          "the report's signature does not verify: it was altered or not issued with this key");
    }
    SignedTreeHead head = Documents.treeHead(report.get("treeHead"), "the report's treeHead");
    if (!TreeHeadSignatures.verify(key, head)) {
      throw new VerificationFailed("the signature of the report's tree head does not verify");
    }
    return head;
  }

  private record Result(long count, SignedTreeHead head, SignedTreeHead trusted) {}

  /** Reports how many events were checked so far out of the signed head's size. */
  @FunctionalInterface
  public interface Progress {
    void verified(long verified, long total);
  }

  /** What {@link #verifyOnline} found; a failed verification is an outcome, not an exception. */
  public record Outcome(boolean verified, long treeSize, String rootHash, String message) {}

  /**
   * Verifies the live log through the gateway: the API the {@code civitas audit verify} command
   * plugs in.
   *
   * @param trustedHead a tree head verified earlier that the log must extend, or null
   */
  public static Outcome verifyOnline(
      String baseUrl, String token, Path trustedHead, Progress progress) {
    Map<String, String> options = new HashMap<>();
    options.put("--base-url", baseUrl);
    options.put("--token", token);
    if (trustedHead != null) {
      options.put("--trusted-head", trustedHead.toString());
    }
    try {
      Result result = online(options, progress);
      return new Outcome(
          true,
          result.head().treeSize(),
          result.head().rootHash(),
          "verified "
              + result.count()
              + " events against the signed tree head"
              + (result.trusted() == null
                  ? ""
                  : "; consistent with the trusted head of size " + result.trusted().treeSize()));
    } catch (VerificationFailed e) {
      return new Outcome(false, 0, null, e.getMessage());
    } catch (IOException e) {
      return new Outcome(false, 0, null, "could not read the log: " + e.getMessage());
    }
  }

  private static Result online(Map<String, String> options) throws VerificationFailed, IOException {
    return online(options, (verified, total) -> {});
  }

  private static Result online(Map<String, String> options, Progress progress)
      throws VerificationFailed, IOException {
    String token = options.getOrDefault("--token", System.getenv("CIVITAS_AUDIT_TOKEN"));
    AuditLogClient client = new AuditLogClient(options.get("--base-url"), token);
    int pageSize = Integer.parseInt(options.getOrDefault("--page-size", "1000"));
    if (pageSize < 1 || pageSize > 10_000) {
      throw new NumberFormatException();
    }
    SignedTreeHead head = Documents.treeHead(client.treeHead(), "the tree head");
    JsonNode served = client.publicKey();
    PublicKey key = Documents.publicKey(Documents.json(served), "the served public key");
    if (options.containsKey("--public-key")) {
      PublicKey pinned = readKey(options.get("--public-key"));
      if (!pinned.equals(key)) {
        throw new VerificationFailed("the log serves a different public key than the pinned one");
      }
    }
    SignedTreeHead trusted = readTrusted(options);
    LogVerifier verifier = new LogVerifier(key, head, trusted);
    Path exportDir =
        options.containsKey("--export-dir") ? Path.of(options.get("--export-dir")) : null;
    BufferedWriter export = null;
    if (exportDir != null) {
      Files.createDirectories(exportDir);
      export = Files.newBufferedWriter(exportDir.resolve("events.ndjson"), StandardCharsets.UTF_8);
    }
    try {
      for (long start = 0; start < head.treeSize(); start += pageSize) {
        long end = Math.min(head.treeSize(), start + pageSize);
        JsonNode items = client.range(start, end).path("items");
        if (items.isEmpty()) {
          break;
        }
        for (JsonNode item : items) {
          verifier.accept(
              Documents.leaf(item, verifier.verifiedCount(), "an item of /events/range"));
          if (export != null) {
            export.write(Documents.json(item));
            export.write('\n');
          }
        }
        progress.verified(verifier.verifiedCount(), head.treeSize());
      }
    } finally {
      if (export != null) {
        export.close();
      }
    }
    verifier.finish();
    if (trusted != null) {
      checkConsistency(client, trusted, head);
    }
    if (exportDir != null) {
      Files.writeString(exportDir.resolve("tree-head.json"), Documents.json(head));
      Files.writeString(exportDir.resolve("public-key.pem"), TreeHeadSignatures.toPem(key));
    }
    return new Result(verifier.verifiedCount(), head, trusted);
  }

  private static Result offline(Map<String, String> options)
      throws VerificationFailed, IOException {
    PublicKey key = readKey(options.get("--public-key"));
    Path headFile = Path.of(options.get("--tree-head"));
    SignedTreeHead head =
        Documents.treeHead(
            Documents.parse(Files.readString(headFile), headFile.toString()), headFile.toString());
    SignedTreeHead trusted = readTrusted(options);
    LogVerifier verifier = new LogVerifier(key, head, trusted);
    Path events = Path.of(options.get("--events"));
    try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
      String line;
      long lineNumber = 0;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String where = events + " line " + lineNumber;
        verifier.accept(
            Documents.leaf(Documents.parse(line, where), verifier.verifiedCount(), where));
      }
    }
    verifier.finish();
    return new Result(verifier.verifiedCount(), head, trusted);
  }

  /** Online, the log must also prove with RFC 9162 §2.1.4 that it extends the trusted head. */
  private static void checkConsistency(
      AuditLogClient client, SignedTreeHead trusted, SignedTreeHead head)
      throws VerificationFailed {
    if (trusted.treeSize() == 0 || trusted.treeSize() == head.treeSize()) {
      return;
    }
    List<byte[]> proof = new ArrayList<>(client.consistency(trusted.treeSize(), head.treeSize()));
    if (!MerkleProofs.verifyConsistency(
        trusted.treeSize(),
        head.treeSize(),
        LogVerifier.decode(trusted.rootHash(), "the trusted root hash"),
        LogVerifier.decode(head.rootHash(), "the root hash"),
        proof)) {
      throw new VerificationFailed(
          "the log's consistency proof from the trusted head does not verify");
    }
  }

  private static SignedTreeHead readTrusted(Map<String, String> options)
      throws VerificationFailed, IOException {
    if (!options.containsKey("--trusted-head")) {
      return null;
    }
    Path file = Path.of(options.get("--trusted-head"));
    return Documents.treeHead(
        Documents.parse(Files.readString(file), file.toString()), file.toString());
  }

  private static PublicKey readKey(String file) throws VerificationFailed, IOException {
    return Documents.publicKey(Files.readString(Path.of(file)), file);
  }

  private VerifyCommand() {}
}
