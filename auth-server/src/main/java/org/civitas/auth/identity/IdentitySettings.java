package org.civitas.auth.identity;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.civitas.contract.Roles;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Clients and users allowed to obtain tokens. Empty by default: the demo identities live in the
 * {@code demo} profile, so nothing with a known secret exists unless a setup asks for it.
 *
 * @param clients OAuth2 clients using the client-credentials grant (services, vendors, staff tools)
 * @param users people signing in through the browser (authorization code with PKCE)
 * @param dashboard the public client the transparency dashboard signs users in with
 */
@ConfigurationProperties("civitas.auth")
public record IdentitySettings(
    List<Client> clients, List<User> users, @DefaultValue Dashboard dashboard) {

  static final Set<String> KNOWN_ROLES =
      Set.of(Roles.VENDOR, Roles.STAFF, Roles.POLICY_ADMIN, Roles.LAW_ENFORCEMENT, Roles.AUDITOR);

  public IdentitySettings {
    clients = clients == null ? List.of() : List.copyOf(clients);
    users = users == null ? List.of() : List.copyOf(users);
    requireUnique(clients, Client::clientId, "client id");
    requireUnique(users, User::username, "username");
    if (dashboard.enabled()
        && clients.stream().anyMatch(c -> c.clientId().equals(dashboard.clientId()))) {
      throw new IllegalArgumentException(
          "civitas.auth.dashboard.client-id '" + dashboard.clientId() + "' is also a client id");
    }
  }

  /**
   * A confidential client authenticating with {@code client_secret_basic} or {@code
   * client_secret_post}.
   *
   * @param secret the client secret, plain or already encoded with a {@code {id}} prefix such as
   *     {@code {bcrypt}...}
   * @param scopes scopes granted when the client asks for none; {@code civitas} when not set
   */
  public record Client(
      String clientId,
      String secret,
      List<String> roles,
      String vendorId,
      String organization,
      List<String> scopes) {

    public Client {
      clientId = required(clientId, "client-id", "a client");
      secret = required(secret, "secret", "client " + clientId);
      roles = checkedRoles(roles, "client " + clientId);
      vendorId = checkedVendorId(roles, vendorId, "client " + clientId);
      organization = required(organization, "organization", "client " + clientId);
      scopes = scopes == null || scopes.isEmpty() ? List.of("civitas") : List.copyOf(scopes);
    }

    public Identity identity() {
      return new Identity(clientId, roles, vendorId, organization);
    }

    @Override
    public String toString() {
      return "Client[clientId=%s, roles=%s, vendorId=%s, organization=%s, scopes=%s]"
          .formatted(clientId, roles, vendorId, organization, scopes);
    }
  }

  /**
   * A person who signs in with a password.
   *
   * @param password plain or already encoded with a {@code {id}} prefix such as {@code {bcrypt}...}
   */
  public record User(
      String username, String password, List<String> roles, String vendorId, String organization) {

    public User {
      username = required(username, "username", "a user");
      password = required(password, "password", "user " + username);
      roles = checkedRoles(roles, "user " + username);
      vendorId = checkedVendorId(roles, vendorId, "user " + username);
      organization = required(organization, "organization", "user " + username);
    }

    public Identity identity() {
      return new Identity(username, roles, vendorId, organization);
    }

    @Override
    public String toString() {
      return "User[username=%s, roles=%s, vendorId=%s, organization=%s]"
          .formatted(username, roles, vendorId, organization);
    }
  }

  /**
   * The transparency dashboard's public client: no secret, PKCE required.
   *
   * @param enabled whether the client is registered
   * @param redirectUris where the dashboard receives the authorization code
   */
  public record Dashboard(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("transparency-dashboard") String clientId,
      @DefaultValue("http://localhost:8080/transparency/auditor/callback")
          List<String> redirectUris) {

    public Dashboard {
      clientId = required(clientId, "client-id", "the dashboard");
      redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
      if (enabled && redirectUris.isEmpty()) {
        throw new IllegalArgumentException("civitas.auth.dashboard.redirect-uris is empty");
      }
      redirectUris.forEach(URI::create);
    }
  }

  private static String required(String value, String property, String owner) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Missing " + property + " for " + owner);
    }
    return value.strip();
  }

  private static List<String> checkedRoles(List<String> roles, String owner) {
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("Missing roles for " + owner);
    }
    for (String role : roles) {
      if (!KNOWN_ROLES.contains(role)) {
        throw new IllegalArgumentException(
            "Unknown role '" + role + "' for " + owner + ", expected one of " + KNOWN_ROLES);
      }
    }
    return roles.stream().distinct().toList();
  }

  // vendor_id is what ingest ownership checks rely on: a vendor without one, or a non-vendor with
  // one, is a configuration mistake that must not turn into a token.
  private static String checkedVendorId(List<String> roles, String vendorId, String owner) {
    boolean vendor = roles.contains(Roles.VENDOR);
    boolean hasVendorId = vendorId != null && !vendorId.isBlank();
    if (vendor && !hasVendorId) {
      throw new IllegalArgumentException("Missing vendor-id for vendor " + owner);
    }
    if (!vendor && hasVendorId) {
      throw new IllegalArgumentException("vendor-id set for " + owner + " without role VENDOR");
    }
    return hasVendorId ? vendorId.strip() : null;
  }

  private static <T> void requireUnique(List<T> items, Function<T, String> key, String what) {
    Set<String> seen = new HashSet<>();
    for (T item : items) {
      if (!seen.add(key.apply(item))) {
        throw new IllegalArgumentException("Duplicate " + what + " '" + key.apply(item) + "'");
      }
    }
  }
}
