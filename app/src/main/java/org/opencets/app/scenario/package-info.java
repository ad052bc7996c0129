/**
 * Scenarios: realistic synthetic data for several agencies, with the truth about it, and the
 * demonstration that loads one and checks what the system finds.
 *
 * <p>{@link org.opencets.app.scenario.ScenarioGenerator} writes, for each agency, a card processor's
 * transactions (CSV), a seized handset's chat export and tips (canonical JSON Lines) and arrest
 * records (CSV), streaming however many records are asked for; {@code truth.json} holds every
 * planted cross-case link ({@link org.opencets.app.scenario.Truth}), the values that must link
 * nothing (a carrier's shared address, a library's e-mail, documentation numbers) and every person
 * with their records. {@link org.opencets.app.scenario.DemoRunner} loads a scenario into a fresh
 * store through the public {@link org.opencets.app.Session} API, as agencies would, and
 * {@link org.opencets.app.scenario.LinkEvaluation} compares the links the system made with truth.
 */
package org.opencets.app.scenario;
