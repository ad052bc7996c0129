/**
 * Records: the facts readers take from evidence (a transaction, a message, an arrest, a tip, a
 * note, a media file) and the mentions of identifiers they carry. A record always knows where it
 * came from: the evidence file (by SHA-256, kept by the store) and its line and byte offset.
 */
package org.opencets.core.record;
