/**
 * The use cases — set up, import, look up, links, alerts, audit — with access control and audit in
 * one place, used by every front end. A front end opens a {@link org.opencets.app.Deployment} and
 * acts through a {@link org.opencets.app.Session} for one user; every method of a session checks the
 * need-to-know rules and writes an audit entry.
 */
package org.opencets.app;
