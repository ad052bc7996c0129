/**
 * WhatsApp's "Export chat" text files: {@link org.opencets.formats.whatsapp.WhatsAppReader}, format
 * {@code whatsapp}. Each message starts with a line head (date, time, sender) in the Android or the
 * iOS layout and runs on over the lines that follow until the next head; the date order of the
 * phone's locale is settled over the whole file ({@link org.opencets.formats.whatsapp.DateOrder}).
 * Lines WhatsApp writes itself become events ({@link org.opencets.formats.whatsapp.SystemMessage}).
 * A sender written as a phone number is a phone and the account {@code whatsapp:+E164}; a contact
 * name is only a field.
 */
package org.opencets.formats.whatsapp;
