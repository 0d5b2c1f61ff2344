package org.civitas.auth.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentitySettingsUnitTest {

  static final IdentitySettings.Dashboard NO_DASHBOARD =
      new IdentitySettings.Dashboard(false, "transparency-dashboard", List.of());

  @Test
  void vendorWithoutVendorIdIsRefused() {
    assertThatThrownBy(() -> client("vendor-x", List.of("VENDOR"), null))
        .hasMessageContaining("vendor-id");
  }

  @Test
  void vendorIdWithoutVendorRoleIsRefused() {
    assertThatThrownBy(() -> client("city-it", List.of("STAFF"), "acme"))
        .hasMessageContaining("vendor-id");
  }

  @Test
  void unknownRoleIsRefused() {
    assertThatThrownBy(() -> client("city-it", List.of("ADMIN"), null))
        .hasMessageContaining("Unknown role 'ADMIN'");
  }

  @Test
  void duplicateClientIdsAreRefused() {
    List<IdentitySettings.Client> clients =
        List.of(
            client("city-it", List.of("STAFF"), null), client("city-it", List.of("AUDITOR"), null));

    assertThatThrownBy(() -> new IdentitySettings(clients, List.of(), NO_DASHBOARD))
        .hasMessageContaining("Duplicate client id 'city-it'");
  }

  @Test
  void noClientsIsAValidConfiguration() {
    IdentitySettings settings = new IdentitySettings(null, null, NO_DASHBOARD);

    assertThat(settings.clients()).isEmpty();
    assertThat(settings.users()).isEmpty();
  }

  @Test
  void clientsWithoutScopesGetTheDefaultScope() {
    assertThat(client("city-it", List.of("STAFF"), null).scopes()).containsExactly("civitas");
  }

  @Test
  void secretsAndPasswordsNeverAppearInToString() {
    IdentitySettings.User user =
        new IdentitySettings.User("alice", "alice-password", List.of("AUDITOR"), null, "OAG");

    assertThat(client("city-it", List.of("STAFF"), null).toString())
        .contains("city-it")
        .doesNotContain("city-it-secret");
    assertThat(user.toString()).contains("alice").doesNotContain("alice-password");
  }

  @Test
  void enabledDashboardNeedsARedirectUri() {
    assertThatThrownBy(
            () -> new IdentitySettings.Dashboard(true, "transparency-dashboard", List.of()))
        .hasMessageContaining("redirect-uris");
  }

  private static IdentitySettings.Client client(String id, List<String> roles, String vendorId) {
    return new IdentitySettings.Client(id, id + "-secret", roles, vendorId, "Org", null);
  }
}
