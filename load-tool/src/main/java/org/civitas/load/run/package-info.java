/** Running a timed, concurrent load and measuring it: pacing, warm-up, latency, summaries. */
package org.civitas.load.run;
