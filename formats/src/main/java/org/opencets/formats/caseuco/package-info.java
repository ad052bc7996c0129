/**
 * CASE/UCO JSON-LD exchange: the Cyber-investigation Analysis Standard Expression (CASE 1.x) and the
 * Unified Cyber Ontology (UCO 1.x) it builds on, as written by forensic tools and by other agencies.
 *
 * <p>A CASE document is a JSON-LD graph: a top-level {@code @graph} array, or a {@code uco-core:Bundle}
 * whose {@code uco-core:object} array holds the nodes. Each node has an {@code @id} (an IRI, in
 * practice {@code kb:…} ending with a UUID) and an {@code @type}; what it is comes from its facets
 * ({@code uco-core:hasFacet}): an {@code uco-observable:EmailAddress} carries an
 * {@code EmailAddressFacet} with {@code addressValue}, a {@code Message} a {@code MessageFacet} whose
 * {@code from} and {@code to} point by {@code @id} at account or address nodes defined elsewhere in the
 * document, before or after the message. A {@code uco-core:Relationship} ties two nodes with a
 * {@code kindOfRelationship}.
 *
 * <p>{@link org.opencets.formats.caseuco.CaseUcoWriter} writes one case (records, mentions, the
 * evidence they came from) as such a bundle from a plain {@link org.opencets.formats.caseuco.CaseView};
 * {@link org.opencets.formats.caseuco.CaseUcoReader} (format {@code case-uco}) reads ours and the
 * shapes published in the CASE examples back into records and mentions, streaming, in two passes over
 * the file. docs/FORMATS.md (section {@code case-uco}) has the mapping table.
 */
package org.opencets.formats.caseuco;
