/**
 * Public transparency: daily rollups kept with the log, the signed transparency report and the
 * dashboard that shows it (CONTRACT §7.3).
 */
package org.civitas.audit.transparency;
