/** The audit event every service emits for every access and governance action (CONTRACT §7.1). */
package org.civitas.contract.audit;
