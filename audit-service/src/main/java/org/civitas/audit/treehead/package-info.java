/** Ed25519-signed tree heads of the audit log, the signing key, and their public endpoints. */
package org.civitas.audit.treehead;
