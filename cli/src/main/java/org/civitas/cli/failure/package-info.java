/** What can go wrong in a command, how it is told to the user, and the exit code it ends with. */
package org.civitas.cli.failure;
