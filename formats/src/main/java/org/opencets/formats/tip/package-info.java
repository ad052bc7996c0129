/**
 * Tips from online services: the project's JSON form of an electronic service provider's report,
 * modelled on the public fields of the NCMEC CyberTipline report (reported persons and accounts, IP
 * addresses with times and ports, uploaded files with hashes, free text), one TIP record per report,
 * streamed one report at a time.
 */
package org.opencets.formats.tip;
