package org.civitas.cli.login;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.UsageError;
import org.civitas.cli.session.CachedToken;
import org.civitas.cli.session.ClientCredentials;
import org.civitas.cli.session.TokenClaims;
import org.civitas.contract.ContractJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

@Command(
    name = "login",
    description = {
      "Get a token with the OAuth2 client-credentials grant and cache it for the other commands.",
      "The token (never the secret) is kept in token.json in $CIVITAS_CONFIG_DIR or"
          + " ~/.config/civitas, readable only by you.",
      "The secret comes from --client-secret, else $CIVITAS_CLIENT_SECRET, else a hidden prompt"
          + " on the terminal. Prefer the variable or the prompt: command lines are visible to"
          + " other local users."
    })
public final class LoginCommand extends PlatformCommand {

  static final String CLIENT_ID_VARIABLE = "CIVITAS_CLIENT_ID";
  static final String CLIENT_SECRET_VARIABLE = "CIVITAS_CLIENT_SECRET";
  static final String TOKEN_URL_VARIABLE = "CIVITAS_TOKEN_URL";
  static final String DEFAULT_TOKEN_URL = "http://localhost:9000/oauth2/token";

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      description = "OAuth2 client id, e.g. city-it or auditor (env CIVITAS_CLIENT_ID).")
  String clientId;

  @Option(
      names = "--client-secret",
      paramLabel = "SECRET",
      description = "Client secret (env CIVITAS_CLIENT_SECRET; prompted for when omitted).")
  String clientSecret;

  @Option(
      names = "--token-url",
      paramLabel = "URL",
      description = "Token endpoint (env CIVITAS_TOKEN_URL, default " + DEFAULT_TOKEN_URL + ").")
  String tokenUrl;

  @Option(names = "--scope", paramLabel = "SCOPE", description = "Scopes to request, if any.")
  String scope;

  @Override
  protected int run() {
    String id =
        Optional.ofNullable(clientId)
            .or(() -> environment().variable(CLIENT_ID_VARIABLE))
            .orElseThrow(
                () ->
                    new UsageError("--client-id is required (or set " + CLIENT_ID_VARIABLE + ")"));
    URI endpoint = tokenEndpoint();
    char[] secret = secret(id);
    CachedToken token =
        new ClientCredentials(environment().http(), environment().clock())
            .obtain(endpoint, id, secret, Optional.ofNullable(scope));
    tokens().save(token);
    Optional<TokenClaims> claims = TokenClaims.decode(token.accessToken());
    if (json()) {
      ObjectNode summary = ContractJson.mapper().createObjectNode();
      summary.put("clientId", id);
      claims.ifPresent(c -> summary.put("subject", c.subject()));
      claims.ifPresent(c -> c.roles().forEach(summary.putArray("roles")::add));
      summary.put("expiresAt", token.expiresAt() == null ? null : token.expiresAt().toString());
      summary.put("tokenFile", tokens().file().toString());
      out().println(summary);
    } else {
      String who =
          claims
              .map(
                  c ->
                      c.subject()
                          + (c.roles().isEmpty() ? "" : " (" + String.join(", ", c.roles()) + ")"))
              .orElse(id);
      out().println("Logged in as " + who + ".");
      if (token.expiresAt() != null) {
        Duration left = Duration.between(environment().clock().instant(), token.expiresAt());
        out()
            .println(
                "Token valid until "
                    + token.expiresAt()
                    + " ("
                    + WhoamiCommand.describe(left)
                    + ").");
      }
      out().println("Cached in " + tokens().file() + ".");
    }
    out().flush();
    return ExitCodes.OK;
  }

  private URI tokenEndpoint() {
    String url =
        Optional.ofNullable(tokenUrl)
            .or(() -> environment().variable(TOKEN_URL_VARIABLE))
            .orElse(DEFAULT_TOKEN_URL);
    try {
      URI uri = URI.create(url);
      if (uri.getHost() == null
          || !("http".equalsIgnoreCase(uri.getScheme())
              || "https".equalsIgnoreCase(uri.getScheme()))) {
        throw new IllegalArgumentException(url);
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new UsageError("--token-url: '" + url + "' is not an http(s) address");
    }
  }

  private char[] secret(String id) {
    if (clientSecret != null) {
      return clientSecret.toCharArray();
    }
    Optional<String> fromEnvironment = environment().variable(CLIENT_SECRET_VARIABLE);
    if (fromEnvironment.isPresent()) {
      return fromEnvironment.get().toCharArray();
    }
    if (!environment().terminal().interactive()) {
      throw new UsageError(
          "no client secret: pass --client-secret, set "
              + CLIENT_SECRET_VARIABLE
              + ", or run on a terminal to be asked");
    }
    char[] typed =
        environment()
            .terminal()
            .readSecret("Client secret for " + id + ": ")
            .orElseThrow(() -> new UsageError("no client secret entered"));
    if (typed.length == 0) {
      throw new UsageError("no client secret entered");
    }
    return typed;
  }
}
