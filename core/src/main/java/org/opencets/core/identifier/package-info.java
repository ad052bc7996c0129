/**
 * Identifiers: typed, normalised values (e-mail, phone, card, IP, account, URL, domain, device,
 * file hash, PDQ hash) that link records across cases. Normalisation is the whole game of exact
 * correlation: two spellings of one value must become one key, and two different values must never
 * share one. Card numbers become a keyed hash at this layer and go no further in clear.
 */
package org.opencets.core.identifier;
