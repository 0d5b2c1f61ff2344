/** OAuth2/OIDC token issuer for the standalone and compose setups (CONTRACT §1, §2). */
package org.civitas.auth;
