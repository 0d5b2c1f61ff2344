/** Public endpoints for signed tree heads and the log's public key. */
package org.civitas.audit.treehead.web;
