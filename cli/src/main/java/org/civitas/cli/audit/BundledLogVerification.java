package org.civitas.cli.audit;

import java.nio.file.Path;
import java.util.Optional;
import org.civitas.audit.verify.VerifyCommand;

/** The audit module's verifier, bundled into the CLI and found through the service loader. */
public final class BundledLogVerification implements LogVerification {

  @Override
  public Result verify(
      String baseUrl, String token, Optional<Path> trustedHead, ProgressListener progress) {
    VerifyCommand.Outcome outcome =
        VerifyCommand.verifyOnline(baseUrl, token, trustedHead.orElse(null), progress::progress);
    return outcome.verified()
        ? Result.verified(outcome.treeSize(), outcome.rootHash(), outcome.message())
        : Result.failed(outcome.treeSize(), outcome.rootHash(), outcome.message());
  }
}
