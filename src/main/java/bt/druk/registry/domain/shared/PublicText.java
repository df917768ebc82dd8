package bt.druk.registry.domain.shared;

import java.util.regex.Pattern;

/**
 * Typed text that becomes part of a public, hashed record document (a caveat's or an objection's
 * reason, a mortgage's lender, a notarial reason) must not carry a person's identifiers: refused, as
 * the chaincode refuses them in the reasons it stores, when it holds an 11-digit run (a CID) or an
 * e-mail address. People themselves are kept off those documents as commitments; a name typed into
 * such text cannot be told from an organisation's, so the forms say that the text is public.
 */
public final class PublicText {

    /** The code of the refusal ({@code error.text.personal} in a page's bundle translates it). */
    public static final String CODE = "text.personal";
    public static final String MESSAGE = "This text is public with the record: leave out CID numbers and e-mail addresses.";
    private static final Pattern CID_LIKE = Pattern.compile("(?<![0-9])[0-9]{11}(?![0-9])");
    private static final Pattern EMAIL_LIKE = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private PublicText() {
    }

    /** True if the text holds something that identifies a person: a CID-like number or an e-mail address. */
    public static boolean identifiesSomeone(String text) {
        return text != null && (CID_LIKE.matcher(text).find() || EMAIL_LIKE.matcher(text).find());
    }

    /** Adds the refusal for {@code field} if the text identifies someone. */
    public static void check(ValidationException.Collector errors, String field, String text) {
        if (identifiesSomeone(text)) {
            errors.add(field, CODE, MESSAGE);
        }
    }
}
