/** The audit service: tamper-evident log of every access, proofs, tree heads, transparency. */
package org.civitas.audit;
