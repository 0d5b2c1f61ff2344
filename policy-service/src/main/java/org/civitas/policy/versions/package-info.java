/**
 * Policy versions: every published document kept with author, time and hash; the highest version
 * compiled and held as the active policy, and announced on the policy topic.
 */
package org.civitas.policy.versions;
