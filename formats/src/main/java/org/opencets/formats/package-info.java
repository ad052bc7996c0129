/**
 * Readers, one per external format. A reader streams a file and hands each record, with the line
 * and byte offset it came from, to a {@link org.opencets.formats.read.RecordSink}; it never holds
 * the whole file. The {@link org.opencets.formats.read.Formats} registry names them.
 */
package org.opencets.formats;
