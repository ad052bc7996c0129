/**
 * The audit log: every access and change, as entries chained by keyed hashes so that an edited,
 * removed or reordered entry is detected.
 */
package org.opencets.core.audit;
