/** The fixed outside of the product (CONTRACT.md): topic names, message records, roles. */
package org.civitas.contract;
