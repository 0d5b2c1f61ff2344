/** The OAuth2 authorization server: registered clients, token claims and lifetimes, sign-in. */
package org.civitas.auth.issuer;
