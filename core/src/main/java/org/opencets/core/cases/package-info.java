/**
 * Agencies, investigators, cases, and the need-to-know rules that decide who reads what.
 */
package org.opencets.core.cases;
