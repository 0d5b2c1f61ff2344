/** policy-service: what the platform keeps, for how long, where, and who may read it. */
package org.civitas.policy;
