package org.civitas.auth.identity;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up what a token says about a client or a signed-in user. */
public final class Identities {

  private final Map<String, Identity> clients;
  private final Map<String, Identity> users;

  public Identities(IdentitySettings settings) {
    this.clients =
        settings.clients().stream()
            .map(IdentitySettings.Client::identity)
            .collect(Collectors.toUnmodifiableMap(Identity::subject, Function.identity()));
    this.users =
        settings.users().stream()
            .map(IdentitySettings.User::identity)
            .collect(Collectors.toUnmodifiableMap(Identity::subject, Function.identity()));
  }

  public Optional<Identity> ofClient(String clientId) {
    return Optional.ofNullable(clients.get(clientId));
  }

  public Optional<Identity> ofUser(String username) {
    return Optional.ofNullable(users.get(username));
  }
}
