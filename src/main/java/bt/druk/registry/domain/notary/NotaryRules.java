package bt.druk.registry.domain.notary;

import bt.druk.registry.domain.record.Party;
import bt.druk.registry.domain.shared.PlainText;
import bt.druk.registry.domain.shared.PublicText;
import bt.druk.registry.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The notary register's input rules, the chaincode's where it has one (office, reason: see
 * chaincode/README.md, Validation), so that a refusal reaches the clerk next to the field instead of
 * coming back from the ledger as {@code INVALID_ARGUMENT}.
 */
public final class NotaryRules {

    /** {@code <year>-<6-digit serial>}, e.g. {@code 2026-000123}. */
    public static final Pattern ID = Pattern.compile("[0-9]{4}-[0-9]{6}");
    /** The chaincode's office code. */
    public static final Pattern OFFICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-]{0,63}");
    public static final Pattern CID = Pattern.compile("[0-9]{11}");
    public static final int MAX_REASON = 500;
    public static final int MAX_NAME = 200;
    public static final int MAX_PARTIES = 50;

    private NotaryRules() {
    }

    /** A party as the clerk typed it; the CID may be empty for a party without a Bhutanese CID (a foreign company). */
    public record PartyText(String name, String cid) {
    }

    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * The reason as the chaincode stores it (NFC, stripped), or null after adding an error: not blank, at
     * most 500 characters, one line of {@link PlainText}, no CID and no e-mail address (the ledger holds
     * no personal data).
     */
    public static String reason(ValidationException.Collector errors, String reason, String code) {
        if (reason == null || reason.isBlank()) {
            errors.add("reason", code, "Give the reason; it goes on the ledger with the change");
            return null;
        }
        String stripped = PlainText.normalise(reason).strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_REASON) {
            errors.add("reason", code, "The reason may have at most " + MAX_REASON + " characters");
            return null;
        }
        if (!PlainText.isLine(stripped)) {
            errors.add("reason", PlainText.CODE, "Write the reason on one line. " + PlainText.MESSAGE);
            return null;
        }
        if (PublicText.identifiesSomeone(stripped)) {
            errors.add("reason", PublicText.CODE, PublicText.MESSAGE);
            return null;
        }
        return stripped;
    }

    public static void checkOffice(ValidationException.Collector errors, String office) {
        if (office == null || !OFFICE.matcher(office).matches()) {
            errors.add("office", "notary.office", "The notary office code has 1-64 letters, digits, '_' or '-'");
        }
    }

    /** A name in NFC ({@link PlainText}) with runs of white space as one space, stripped, so one person is written one way. */
    public static String normaliseName(String name) {
        return name == null ? "" : PlainText.normalise(name).replaceAll("\\s+", " ").strip();
    }

    /**
     * Parties named in the document, each with a fresh salt; errors as {@code parties[i].name},
     * {@code parties[i].cid} and {@code parties}. At least one; the same person only once.
     */
    public static List<Party> parties(ValidationException.Collector errors, List<PartyText> texts) {
        List<Party> parties = new ArrayList<>();
        if (texts == null || texts.isEmpty()) {
            errors.add("parties", "notary.parties.required", "Name at least one party to the document");
            return parties;
        }
        if (texts.size() > MAX_PARTIES) {
            errors.add("parties", "notary.parties.tooMany", "A notarisation names at most " + MAX_PARTIES + " parties");
            return parties;
        }
        for (int i = 0; i < texts.size(); i++) {
            PartyText text = texts.get(i);
            String name = normaliseName(text == null ? null : text.name());
            String cid = text == null || text.cid() == null || text.cid().isBlank() ? null : text.cid().strip();
            boolean ok = true;
            if (name.isEmpty()) {
                errors.add("parties[" + i + "].name", "required", "Enter the party's name");
                ok = false;
            } else if (name.length() > MAX_NAME) {
                errors.add("parties[" + i + "].name", "notary.party.name", "A name has at most " + MAX_NAME + " characters");
                ok = false;
            } else if (!PlainText.isLine(name)) {
                errors.add("parties[" + i + "].name", PlainText.CODE, PlainText.MESSAGE);
                ok = false;
            }
            if (cid != null && !CID.matcher(cid).matches()) {
                errors.add("parties[" + i + "].cid", "notary.party.cid", "A CID has 11 digits (leave it empty for a party without one)");
                ok = false;
            }
            if (!ok) {
                continue;
            }
            Party party = Party.named(name, cid);
            if (parties.stream().anyMatch(p -> p.samePersonAs(party))) {
                errors.add("parties[" + i + "].name", "notary.party.duplicate", "This party is already named");
                continue;
            }
            parties.add(party);
        }
        return parties;
    }
}
