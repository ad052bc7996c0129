/**
 * The XML chat layout of the PAN 2012 sexual-predator-identification corpus (conversations of
 * messages, each with an anonymised author, a time of day and text), read with StAX one event at a
 * time. Authors become accounts on platform {@code pan12}; text is searched for identifiers.
 */
package org.opencets.formats.pan12;
