/** The RSA key that signs every token, kept in a file so tokens survive restarts. */
package org.civitas.auth.signing;
