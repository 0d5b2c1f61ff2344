package org.civitas.cli.login;

import java.time.Duration;
import java.util.Optional;
import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.output.Table;
import org.civitas.cli.session.CachedToken;
import org.civitas.cli.session.TokenClaims;
import picocli.CommandLine.Command;

@Command(
    name = "whoami",
    description = {
      "Show who the cached token speaks for: subject, roles, organization, expiry.",
      "Read from the token itself for display; the platform checks its signature on use."
    })
public final class WhoamiCommand extends PlatformCommand {

  @Override
  protected int run() {
    CachedToken token = tokens().requireValid(environment().clock().instant());
    Optional<TokenClaims> claims = TokenClaims.decode(token.accessToken());
    if (json()) {
      out().println(claims.map(c -> c.payload().toString()).orElse("{}"));
      out().flush();
      return ExitCodes.OK;
    }
    Table table = Table.withColumns("", "").maxCellWidth(200);
    claims.ifPresentOrElse(
        c -> {
          table.row("Subject:", c.subject());
          table.row("Roles:", c.roles().isEmpty() ? null : String.join(", ", c.roles()));
          table.row("Organization:", c.organization());
          if (c.vendorId() != null) {
            table.row("Vendor:", c.vendorId());
          }
          table.row("Issuer:", c.issuer());
        },
        () -> table.row("Subject:", "(opaque token, no claims to show)"));
    table.row("Client:", token.clientId());
    if (token.expiresAt() != null) {
      Duration left = Duration.between(environment().clock().instant(), token.expiresAt());
      table.row("Expires:", token.expiresAt() + " (" + describe(left) + ")");
    }
    table.row("Token URL:", token.tokenUrl());
    table.rowLines().forEach(out()::println);
    out().flush();
    return ExitCodes.OK;
  }

  static String describe(Duration left) {
    if (left.isNegative() || left.isZero()) {
      return "expired";
    }
    long minutes = left.toMinutes();
    if (minutes < 1) {
      return "in " + left.toSeconds() + " s";
    }
    if (minutes < 120) {
      return "in " + minutes + " min";
    }
    return "in " + left.toHours() + " h";
  }
}
