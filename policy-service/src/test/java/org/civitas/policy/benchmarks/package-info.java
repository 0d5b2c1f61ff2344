/** JMH benchmarks of the policy hot paths: minimization throughput and access-decision latency. */
package org.civitas.policy.benchmarks;
