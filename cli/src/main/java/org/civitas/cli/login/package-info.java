/** Signing in and out: {@code login}, {@code logout}, {@code whoami}. */
package org.civitas.cli.login;
