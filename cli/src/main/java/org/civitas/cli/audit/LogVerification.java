package org.civitas.cli.audit;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Verifies the platform's audit log against its signed tree head (CONTRACT §7.2): downloads the
 * events, recomputes the Merkle root, checks the Ed25519 signature, and — given a head trusted from
 * an earlier run — that the log only grew.
 *
 * <p>The CLI does not implement this itself; an implementation is plugged in, either registered for
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.civitas.cli.audit.LogVerification})
 * on the class path, or given to {@link org.civitas.cli.command.CliEnvironment#withPlugin}. Without
 * one, {@code civitas audit verify} says so and exits with code 3.
 */
public interface LogVerification {

  /**
   * @param baseUrl gateway address, e.g. {@code http://localhost:8080}
   * @param token AUDITOR bearer token
   * @param trustedHead a tree head (JSON of {@code /api/v1/audit/tree-head}) verified earlier
   * @param progress told of progress; may be called from any thread
   * @return the outcome; failures to verify are results, not exceptions
   */
  Result verify(
      String baseUrl, String token, Optional<Path> trustedHead, ProgressListener progress);

  /**
   * @param verified true only when every event up to {@code treeSize} reproduced the signed root
   * @param treeSize events covered by the signed tree head that was checked
   * @param rootHash that head's root hash (standard base64)
   * @param message what was checked, or why verification failed
   */
  record Result(boolean verified, long treeSize, String rootHash, String message) {

    public static Result verified(long treeSize, String rootHash, String message) {
      return new Result(true, treeSize, rootHash, message);
    }

    public static Result failed(long treeSize, String rootHash, String message) {
      return new Result(false, treeSize, rootHash, message);
    }
  }
}
