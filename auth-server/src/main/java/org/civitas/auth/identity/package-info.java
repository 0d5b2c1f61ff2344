/** Who may obtain tokens: configured OAuth2 clients and sign-in users, with their roles. */
package org.civitas.auth.identity;
