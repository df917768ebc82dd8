package bt.druk.registry.domain.procurement;

import bt.druk.registry.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bid's price in Ngultrum. In the bid JSON the amount is a decimal <em>string</em> with exactly
 * two decimals ({@code "1250000.00"}), never a JSON number: a number would go through a binary
 * double on the way to its canonical form, and a price must hash the same in every language.
 *
 * @param amount   positive, at most two decimals, scale always 2
 * @param currency ISO 4217 code; only {@code BTN} for now
 */
public record BidPrice(BigDecimal amount, String currency) {

    public static final String BTN = "BTN";

    /** Up to 15 digits before the point: far above any tender, far below where anything rounds. */
    private static final BigDecimal MAX = new BigDecimal("999999999999999.99");
    private static final Pattern INPUT = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,2})?");
    private static final Pattern CANONICAL = Pattern.compile("(0|[1-9][0-9]{0,14})\\.[0-9]{2}");

    public BidPrice {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("amount must be positive, below 10^15, with at most two decimals");
        }
        amount = amount.setScale(2);
        if (!BTN.equals(currency)) {
            throw new IllegalArgumentException("currency must be BTN");
        }
    }

    /**
     * What a bidder types: digits, optionally a point and one or two decimals ({@code 1250000},
     * {@code 1250000.5}). No separators: "1,50" means 1.50 to some and 150 to others, and a
     * price must not be guessed. Refused with messages for {@code field}.
     */
    public static BidPrice parse(String input, String field) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw ValidationException.of(field, "bid.price.required", "Enter your bid price in Ngultrum.");
        }
        if (!INPUT.matcher(text).matches()) {
            throw ValidationException.of(field, "bid.price.format",
                    "Enter the price in Ngultrum as digits with at most two decimals and no commas or spaces, e.g. 1250000.50.");
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() <= 0) {
            throw ValidationException.of(field, "bid.price.positive", "The bid price must be more than Nu. 0.");
        }
        return new BidPrice(amount, BTN);
    }

    /**
     * The amount exactly as a sealed bid must hold it: {@code "1250000.00"} (no sign, no leading
     * zeros, no separators, two decimals). Anything else was not written by the seal page.
     */
    public static BidPrice fromBidJson(String amountText, String currency, String field) {
        ValidationException.Collector errors = new ValidationException.Collector();
        if (amountText == null || !CANONICAL.matcher(amountText).matches()) {
            errors.add(field + ".amount", "bid.price.format",
                    "The price must be written with exactly two decimals, e.g. \"1250000.00\".");
        } else if (new BigDecimal(amountText).signum() <= 0) {
            errors.add(field + ".amount", "bid.price.positive", "The bid price must be more than Nu. 0.");
        }
        if (!BTN.equals(currency)) {
            errors.add(field + ".currency", "bid.price.currency", "Bids are made in Ngultrum: the currency must be \"BTN\".");
        }
        errors.throwIfAny();
        return new BidPrice(new BigDecimal(amountText), currency);
    }

    /** The amount as the bid JSON writes it: plain, two decimals. */
    public String amountText() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return "Nu. " + amountText();
    }
}
