/**
 * Identifiers: typed, normalised values (e-mail, phone, card, IP, account, URL, domain, device,
 * file hash, PDQ hash) that link records across cases. Normalisation is the whole game of exact
 * correlation: two spellings of one value must become one key, and two different values must never
 * share one. Card numbers become a keyed hash at this layer and go no further in clear.
 *
 * <p>The public surface: {@link org.opencets.core.identifier.Identifiers} normalises a value of a
 * known type, guesses the type of a value a user typed, and builds account and device identifiers;
 * {@link org.opencets.core.identifier.TextExtractor} finds identifiers in free text and masks card
 * numbers in it; {@link org.opencets.core.identifier.Stoplist} names values that must never link
 * (example domains, test cards, fictional phone ranges), from a bundled list and user files;
 * {@link org.opencets.core.identifier.Identifier}, {@link org.opencets.core.identifier.Found},
 * {@link org.opencets.core.identifier.IdentifierContext} and
 * {@link org.opencets.core.identifier.CardHasher} are the values and collaborators. Each type's rules
 * live in a package-private normaliser ({@code EmailNormaliser}, {@code PhoneNormaliser},
 * {@code CardNumbers}, {@code IpAddresses}, {@code AccountNormaliser}, {@code UrlNormaliser},
 * {@code DomainNames}, {@code DeviceNormaliser}, {@code HashNormaliser}) and are summarised in
 * docs/IDENTIFIERS.md.
 *
 * <p>Two guarantees hold throughout: no rejection message holds a run of twelve or more digits (see
 * {@link org.opencets.core.identifier.InvalidIdentifierException}), and nothing here ever asks the
 * name resolver (IP literals are parsed without {@code InetAddress}).
 */
package org.opencets.core.identifier;
