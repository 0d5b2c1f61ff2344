package org.civitas.cli.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.CliFailure;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.UsageError;
import org.civitas.cli.output.ProgressBar;
import org.civitas.cli.output.Text;
import org.civitas.cli.session.CachedToken;
import org.civitas.contract.ContractJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

@Command(
    name = "verify",
    description = {
      "Verify the audit log against its signed tree head (RFC 9162 Merkle tree, Ed25519):"
          + " any altered, removed or reordered event fails. Needs an AUDITOR login.",
      "Exit code 0 when verified, 6 when verification fails, 3 when this build carries no"
          + " verifier."
    })
final class VerifyCommand extends PlatformCommand {

  static final String NOT_BUNDLED = "audit verify: verifier not bundled in this build";

  @Option(
      names = "--trusted-head",
      paramLabel = "FILE",
      description = "A tree head verified earlier (JSON); the log must extend it.")
  Path trustedHead;

  @Override
  protected int run() {
    if (trustedHead != null && !Files.isReadable(trustedHead)) {
      throw new UsageError("--trusted-head: " + trustedHead + " does not exist or cannot be read");
    }
    Optional<LogVerification> verification = environment().plugin(LogVerification.class);
    if (verification.isEmpty()) {
      err().println(NOT_BUNDLED);
      err().flush();
      return ExitCodes.NOT_AVAILABLE;
    }
    String url = baseUrl();
    CachedToken token = tokens().requireValid(environment().clock().instant());
    LogVerification.Result result;
    try (ProgressBar bar = progress("Verifying", "events")) {
      result =
          verification
              .get()
              .verify(url, token.accessToken(), Optional.ofNullable(trustedHead), bar::update);
    }
    if (result == null) {
      throw new CliFailure(ExitCodes.NOT_AVAILABLE, "the verifier returned no result");
    }
    if (json()) {
      ObjectNode summary = ContractJson.mapper().createObjectNode();
      summary.put("verified", result.verified());
      summary.put("treeSize", result.treeSize());
      summary.put("rootHash", result.rootHash());
      summary.put("message", result.message());
      out().println(summary);
      out().flush();
    } else if (result.verified()) {
      out()
          .println(
              "Verified: "
                  + result.treeSize()
                  + " events match the signed tree head (root "
                  + Text.oneLine(result.rootHash())
                  + ").");
      if (result.message() != null && !result.message().isBlank()) {
        out().println(Text.oneLine(result.message()));
      }
      out().flush();
    }
    if (!result.verified()) {
      throw new CliFailure(
          ExitCodes.VERIFICATION_FAILED,
          "audit log verification FAILED: " + Text.oneLine(result.message()));
    }
    return ExitCodes.OK;
  }
}
