package org.opencets.formats.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencets.core.record.RecordKind;

/** Card transactions as a processor or acquirer sends them: one purchase a row. */
public final class TransactionsCsvReader extends CsvRecordReader {
    private static final Map<String, List<String>> ALIASES = new LinkedHashMap<>();

    static {
        ALIASES.put("id", List.of("transaction_id", "txn_id", "reference", "ref", "arn", "rrn"));
        ALIASES.put("time", List.of("date", "timestamp", "datetime", "transaction_date", "txn_date", "auth_date", "date_time"));
        ALIASES.put("amount", List.of("amt", "transaction_amount", "value"));
        ALIASES.put("currency", List.of("ccy", "currency_code"));
        ALIASES.put("merchant", List.of("merchant_name"));
        ALIASES.put("descriptor", List.of("merchant_descriptor", "billing_descriptor"));
        ALIASES.put("mcc", List.of("merchant_category_code"));
        ALIASES.put("card_number", List.of("pan", "card", "card_no", "cardnumber", "account_number"));
        ALIASES.put("cardholder_name", List.of("cardholder", "card_holder", "card_holder_name", "name", "customer_name"));
        ALIASES.put("given_name", List.of("first_name", "firstname"));
        ALIASES.put("surname", List.of("last_name", "lastname", "family_name"));
        ALIASES.put("billing_address", List.of("address", "billing_street", "street"));
        ALIASES.put("city", List.of("billing_city", "town"));
        ALIASES.put("postcode", List.of("zip", "postal_code", "billing_zip", "billing_postcode"));
        ALIASES.put("country", List.of("billing_country"));
        ALIASES.put("email", List.of("e_mail", "email_address", "customer_email", "buyer_email"));
        ALIASES.put("ip", List.of("ip_address", "customer_ip", "buyer_ip"));
        ALIASES.put("phone", List.of("phone_number", "telephone", "customer_phone"));
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
    protected Map<String, List<String>> aliases() {
        return ALIASES;
    }

    @Override
    protected List<String> signatureFields() {
        return List.of("card_number", "amount", "merchant", "descriptor");
    }
}
