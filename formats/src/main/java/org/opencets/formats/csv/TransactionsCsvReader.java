package org.opencets.formats.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.Identifiers;
import org.opencets.core.identifier.InvalidIdentifierException;
import org.opencets.core.record.Mention;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.canonical.RecordAssembler.RowException;

/**
 * Card transactions as a processor or acquirer sends them: one purchase a row.
 *
 * <p>What becomes an identifier: the card number (keyed hash, BIN and last four; a number that fails
 * the Luhn check makes the row bad), the e-mail, phone and IP, whatever the descriptor text holds,
 * and the merchant id, as an account on the pseudo-platform {@code merchant-id} with the role
 * {@code merchant_id}: a merchant account that bills in two cases is a lead worth a call to the
 * acquirer. A masked card number ({@code 455673******9855}) is kept as {@code card_bin} and
 * {@code card_last4}, never as a card identifier (see {@link MaskedCards}). Terminal id, ARN, RRN and
 * authorisation code stay plain fields: they name one terminal or one transaction at one acquirer,
 * not a person or an account.
 *
 * <p>Amounts are read as {@link Amounts} describes; a currency written with the amount fills
 * {@code currency} when the file has no currency column, and must agree with it when it has.
 */
public final class TransactionsCsvReader extends CsvRecordReader {
    /** The pseudo-platform of merchant ids as account identifiers. */
    static final String MERCHANT_ID_PLATFORM = "merchant-id";

    private static final Map<String, List<String>> ALIASES = new LinkedHashMap<>();

    static {
        ALIASES.put("id", List.of("transaction_id", "txn_id", "trans_id", "reference", "ref", "transaction_reference",
                "order_id"));
        ALIASES.put("date", List.of("transaction_date", "txn_date", "trans_date", "auth_date", "authorization_date",
                "authorisation_date", "purchase_date"));
        ALIASES.put("time", List.of("timestamp", "datetime", "date_time", "transaction_time", "txn_time", "trans_time",
                "auth_time", "authorization_time", "authorisation_time", "transaction_datetime", "purchase_time",
                "created_at"));
        ALIASES.put("amount", List.of("amt", "transaction_amount", "txn_amount", "value", "purchase_amount"));
        ALIASES.put("currency", List.of("ccy", "currency_code", "transaction_currency"));
        ALIASES.put("merchant", List.of("merchant_name", "dba", "dba_name"));
        ALIASES.put("descriptor", List.of("merchant_descriptor", "billing_descriptor", "soft_descriptor"));
        ALIASES.put("mcc", List.of("merchant_category_code", "merchant_category"));
        ALIASES.put("merchant_id", List.of("mid", "merchant_number", "merchant_no", "card_acceptor_id"));
        ALIASES.put("terminal_id", List.of("tid", "terminal", "terminal_number", "terminal_no"));
        ALIASES.put("auth_code", List.of("authorization_code", "authorisation_code", "approval_code", "auth_id",
                "authorization_id"));
        ALIASES.put("arn", List.of("acquirer_reference_number", "acquirer_reference", "acquirer_ref"));
        ALIASES.put("rrn", List.of("retrieval_reference_number", "retrieval_reference", "retrieval_ref"));
        ALIASES.put("card_number", List.of("pan", "card", "card_no", "cardnumber", "account_number", "masked_pan",
                "masked_card_number", "primary_account_number"));
        ALIASES.put("card_bin", List.of("bin", "first_6", "first6", "first_six", "iin"));
        ALIASES.put("card_last4", List.of("last_4", "last4", "last_four", "card_last_4", "card_last_four"));
        ALIASES.put("cardholder_name", List.of("cardholder", "card_holder", "card_holder_name", "name", "customer_name",
                "name_on_card"));
        ALIASES.put("given_name", List.of("first_name", "firstname"));
        ALIASES.put("surname", List.of("last_name", "lastname", "family_name"));
        ALIASES.put("billing_address", List.of("address", "billing_street", "street", "billing_address_1",
                "billing_address_line_1"));
        ALIASES.put("billing_city", List.of("city", "town", "billing_town"));
        ALIASES.put("billing_postcode", List.of("postcode", "zip", "postal_code", "billing_zip", "billing_postal_code"));
        ALIASES.put("billing_country", List.of("country"));
        ALIASES.put("shipping_address", List.of("shipping_street", "delivery_address", "ship_to_address",
                "shipping_address_1", "shipping_address_line_1"));
        ALIASES.put("shipping_city", List.of("shipping_town", "delivery_city", "ship_to_city"));
        ALIASES.put("shipping_postcode", List.of("shipping_zip", "shipping_postal_code", "delivery_postcode",
                "ship_to_zip"));
        ALIASES.put("shipping_country", List.of("delivery_country", "ship_to_country"));
        ALIASES.put("email", List.of("e_mail", "email_address", "customer_email", "buyer_email", "cardholder_email"));
        ALIASES.put("ip", List.of("ip_address", "customer_ip", "buyer_ip", "client_ip"));
        ALIASES.put("phone", List.of("phone_number", "telephone", "customer_phone", "mobile"));
    }

    public TransactionsCsvReader() {
        super(RecordKind.TRANSACTION);
    }

    @Override
    public String format() {
        return "transactions-csv";
    }

    @Override
    public String description() {
        return "card transactions CSV with a header row (common processor headers recognised, or --mapping FILE)";
    }

    @Override
    Map<String, List<String>> aliases() {
        return ALIASES;
    }

    @Override
    List<String> signatureFields() {
        return List.of("card_number", "amount", "merchant", "descriptor", "merchant_id", "arn", "card_last4");
    }

    @Override
    void shape(CsvRow row) throws RowException {
        amount(row);
        card(row);
        merchantId(row);
    }

    private static void amount(CsvRow row) throws RowException {
        String amount = row.take("amount");
        String currency = row.take("currency");
        if (currency != null) {
            currency = currency.length() == 3 ? currency.toUpperCase(Locale.ROOT) : currency;
            row.canonical.put("currency", currency);
        }
        if (amount == null) {
            return;
        }
        Amounts.Amount a = Amounts.parse(row.label("amount"), amount, row.file.decimal);
        row.canonical.put("amount", a.value());
        if (a.currency() != null) {
            if (currency == null) {
                row.canonical.put("currency", a.currency());
            } else if (a.currencyIsCode() && !a.currency().equalsIgnoreCase(currency)) {
                throw new RowException(row.label("amount") + " '" + amount + "' is in " + a.currency() + ", but "
                        + row.label("currency") + " says " + currency);
            }
        }
    }

    /** A full number goes to the assembler (hash, mask, Luhn); a masked one becomes plain fields. */
    private static void card(CsvRow row) throws RowException {
        String number = row.values.get("card_number");
        String bin = row.take("card_bin");
        String last4 = row.take("card_last4");
        if (bin != null && !(bin.length() >= 6 && bin.length() <= 8 && digits(bin))) {
            throw new RowException(row.label("card_bin") + ": a BIN is 6 to 8 digits");
        }
        if (last4 != null && !(last4.length() == 4 && digits(last4))) {
            throw new RowException(row.label("card_last4") + ": the last four digits of a card are 4 digits");
        }
        String numberBin = null;
        String numberLast4 = null;
        if (number != null && MaskedCards.looksMasked(number)) {
            row.take("card_number");
            MaskedCards.Masked masked = MaskedCards.parse(number);
            if (masked == null) {
                throw new RowException(row.label("card_number") + ": a masked card number must be written as the first "
                        + "6 or 8 digits, mask characters (* X # •) and the last 4 digits, 12 to 19 in all");
            }
            row.extra.put("card", masked.display());
            row.extra.put("card_masked", true);
            numberBin = masked.bin();
            numberLast4 = masked.last4();
        } else if (number != null) {
            int count = digitCount(number);
            if (count >= 12 && count <= 19) {
                numberBin = digitRun(number, 0, 6);
                numberLast4 = digitRun(number, count - 4, 4);
            }
        }
        if (numberBin != null && bin != null && !(bin.startsWith(numberBin) || numberBin.startsWith(bin))) {
            throw new RowException(row.label("card_bin") + " does not match the first digits of " + row.label("card_number"));
        }
        if (numberLast4 != null && last4 != null && !last4.equals(numberLast4)) {
            throw new RowException(row.label("card_last4") + " does not match the last digits of " + row.label("card_number"));
        }
        String b = bin != null ? bin : numberBin;
        String l = last4 != null ? last4 : numberLast4;
        if (b != null) {
            row.extra.put("card_bin", b);
        }
        if (l != null) {
            row.extra.put("card_last4", l);
        }
        if (number == null && l != null) {
            row.extra.put("card", (b == null ? "" : b) + "…" + l);
            row.extra.put("card_masked", true);
        }
    }

    private static void merchantId(CsvRow row) throws RowException {
        String mid = row.take("merchant_id");
        if (mid == null) {
            return;
        }
        String card = row.values.get("card_number");
        if (card != null && digitCount(mid) > 0 && sameDigits(card, mid)) {
            throw new RowException(row.label("merchant_id") + " holds the card number; check the column mapping");
        }
        Identifier id;
        try {
            id = Identifiers.account(MERCHANT_ID_PLATFORM, mid);
        } catch (InvalidIdentifierException e) {
            throw new RowException(row.label("merchant_id") + ": " + e.getMessage());
        }
        row.mentions.add(Mention.ofField(id, "merchant_id", mid, "merchant_id"));
        row.extra.put("merchant_id", mid);
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static int digitCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** The {@code length} digits of s from the {@code from}-th digit (separators skipped): a BIN or last four only. */
    private static String digitRun(String s, int from, int length) {
        StringBuilder out = new StringBuilder(length);
        int seen = 0;
        for (int i = 0; i < s.length() && out.length() < length; i++) {
            if (Character.isDigit(s.charAt(i))) {
                if (seen >= from) {
                    out.append(s.charAt(i));
                }
                seen++;
            }
        }
        return out.toString();
    }

    /** Whether a and b hold the same digits in the same order, separators aside (no copy of either is made). */
    private static boolean sameDigits(String a, String b) {
        int i = 0;
        int j = 0;
        while (true) {
            while (i < a.length() && !Character.isDigit(a.charAt(i))) {
                i++;
            }
            while (j < b.length() && !Character.isDigit(b.charAt(j))) {
                j++;
            }
            if (i == a.length() || j == b.length()) {
                return i == a.length() && j == b.length();
            }
            if (a.charAt(i++) != b.charAt(j++)) {
                return false;
            }
        }
    }
}
