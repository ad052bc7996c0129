/** The evidence store: imported files kept unchanged, addressed by SHA-256, encrypted at rest. */
package org.opencets.store.evidence;
