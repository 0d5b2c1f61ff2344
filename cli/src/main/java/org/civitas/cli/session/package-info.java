/** The signed-in session: obtaining a token, caching it privately on disk, reading its claims. */
package org.civitas.cli.session;
