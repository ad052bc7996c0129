/**
 * Exact correlation: which cases share a normalised identifier, and which of those shares become
 * links. Incremental: an import is correlated against everything stored before it, once.
 */
package org.opencets.core.correlate;
