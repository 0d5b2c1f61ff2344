/** Policy versions as distributed on the compacted policy topic (CONTRACT §5, §6). */
package org.civitas.contract.policy;
