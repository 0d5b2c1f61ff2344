package org.civitas.simulator.sink;

/**
 * A vendor's OAuth2 client (client-credentials grant).
 *
 * @param scope optional scope to request; none by default
 */
public record VendorCredentials(String clientId, String clientSecret, String scope) {

  @Override
  public String toString() {
    return "VendorCredentials[clientId=" + clientId + ", clientSecret=***]";
  }
}
