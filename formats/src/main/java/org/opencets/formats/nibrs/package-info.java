/**
 * FBI NIBRS XML submissions (the NIEM-based IEPD): the arrests they report, one record per arrestee
 * of each arrest, read with the JDK's StAX parser with DTDs and external entities refused.
 */
package org.opencets.formats.nibrs;
