/**
 * What every command shares: the injectable environment, the base class that reaches the platform,
 * argument parsing helpers, and the handlers that turn failures into messages and exit codes.
 */
package org.civitas.cli.command;
