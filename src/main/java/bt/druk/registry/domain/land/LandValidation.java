package bt.druk.registry.domain.land;

import bt.druk.registry.domain.shared.PlainText;
import bt.druk.registry.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Format rules for land register input; collects errors per field. */
public final class LandValidation {

    public static final Pattern PIN = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,29}");
    public static final Pattern THRAM = Pattern.compile("[A-Z0-9][A-Z0-9/-]{0,19}");
    public static final Pattern CID = Pattern.compile("\\d{11}");
    public static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./-]{0,39}");
    /** A household number as the census record writes it, upper-cased: 1-20 letters, digits or hyphens. */
    public static final Pattern HOUSEHOLD = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,19}");
    /** Largest area accepted, in acres (a sanity bound, not a legal one). */
    public static final BigDecimal MAX_AREA = new BigDecimal("100000");

    private LandValidation() {
    }

    /** Upper-cases and trims a PIN; null stays null. */
    public static String normalisePin(String pin) {
        return pin == null ? null : pin.trim().toUpperCase(Locale.ROOT);
    }

    public static void checkPin(ValidationException.Collector errors, String field, String normalisedPin) {
        if (normalisedPin == null || normalisedPin.isEmpty()) {
            errors.add(field, "required", "Enter the PIN (plot number)");
        } else if (!PIN.matcher(normalisedPin).matches()) {
            errors.add(field, "pin.format", "A PIN has 1-30 letters, digits or hyphens");
        }
    }

    /**
     * A person's name in the one form it is kept and committed to: NFC ({@link PlainText}), runs of white
     * space as one space, stripped (of white space only: a control character at either end stays, to be
     * refused), so one person is written one way; null gives "".
     */
    public static String normaliseName(String name) {
        return name == null ? "" : PlainText.normalise(name).replaceAll("\\s+", " ").strip();
    }

    public static String normaliseThram(String thramNo) {
        return thramNo == null ? null : thramNo.trim().toUpperCase(Locale.ROOT);
    }

    public static void checkThram(ValidationException.Collector errors, String field, String normalisedThram) {
        if (normalisedThram == null || normalisedThram.isEmpty()) {
            errors.add(field, "required", "Enter the thram number");
        } else if (!THRAM.matcher(normalisedThram).matches()) {
            errors.add(field, "thram.format", "A thram number has 1-20 letters, digits, '/' or '-'");
        }
    }

    /** Area must be positive, at most 4 decimal places. Returns the area without trailing zeros. */
    public static BigDecimal checkArea(ValidationException.Collector errors, String field, BigDecimal area) {
        if (area == null) {
            errors.add(field, "required", "Enter the area in acres");
            return null;
        }
        if (area.signum() <= 0) {
            errors.add(field, "area.positive", "The area must be greater than zero");
            return null;
        }
        BigDecimal stripped = area.stripTrailingZeros();
        if (stripped.scale() > 4) {
            errors.add(field, "area.scale", "Give the area with at most 4 decimal places");
            return null;
        }
        if (stripped.compareTo(MAX_AREA) > 0) {
            errors.add(field, "area.max", "The area is larger than " + MAX_AREA.toPlainString() + " acres");
            return null;
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * A household number as kept: trimmed, letters upper-cased (the census writes {@code 1234-AB} and a
     * clerk may type {@code 1234-ab}); null or blank gives null, for "none given".
     */
    public static String normaliseHousehold(String household) {
        return household == null || household.isBlank() ? null : household.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The household numbers typed for owners, one per owner (null where none was given), each
     * normalised and checked at {@code field[i].household}: control and text-direction characters
     * refused as in every text field ({@link PlainText}), then the census format ({@link #HOUSEHOLD}).
     * Returns null in place of a number it refused.
     */
    public static List<String> parseHouseholds(ValidationException.Collector errors, String field, List<String> typed) {
        List<String> households = new ArrayList<>();
        for (int i = 0; typed != null && i < typed.size(); i++) {
            String household = normaliseHousehold(typed.get(i));
            String at = field + "[" + i + "].household";
            if (household != null && !PlainText.isLine(household)) {
                errors.add(at, PlainText.CODE, PlainText.MESSAGE);
                household = null;
            } else if (household != null && !HOUSEHOLD.matcher(household).matches()) {
                errors.add(at, "household.format", "A household number has 1-20 letters, digits or hyphens, as on the census record");
                household = null;
            }
            households.add(household);
        }
        return households;
    }

    /** Raw owner typed by a clerk. */
    public record OwnerText(String name, String cid, String share) {
    }

    /**
     * Parses owners; errors are reported as {@code field[i].name/cid/share}. Returns the owners that
     * parsed (complete only when no error was added).
     */
    public static List<Owner> parseOwners(ValidationException.Collector errors, String field, List<OwnerText> input) {
        List<Owner> owners = new ArrayList<>();
        if (input == null || input.isEmpty()) {
            errors.add(field, "owners.required", "Enter at least one owner");
            return owners;
        }
        for (int i = 0; i < input.size(); i++) {
            OwnerText raw = input.get(i);
            String prefix = field + "[" + i + "].";
            boolean ok = true;
            String name = normaliseName(raw.name());
            if (name.isEmpty()) {
                errors.add(prefix + "name", "required", "Enter the owner's name");
                ok = false;
            } else if (name.length() > 100) {
                errors.add(prefix + "name", "name.length", "A name has at most 100 characters");
                ok = false;
            } else if (!PlainText.isLine(name)) {
                errors.add(prefix + "name", PlainText.CODE, PlainText.MESSAGE);
                ok = false;
            }
            String cid = raw.cid() == null ? "" : raw.cid().trim();
            if (!CID.matcher(cid).matches()) {
                errors.add(prefix + "cid", "cid.format", "A CID has exactly 11 digits");
                ok = false;
            }
            Share share = null;
            try {
                share = Share.parse(raw.share());
            } catch (IllegalArgumentException e) {
                errors.add(prefix + "share", "share.format", "Give the share as a fraction like 1/2 or a decimal like 0.5 (0 < share ≤ 1)");
                ok = false;
            }
            if (ok) {
                owners.add(Owner.named(name, cid, share));
            }
        }
        if (owners.size() == input.size()) {
            try {
                LandTitle.requireValidOwners(owners, field);
            } catch (ValidationException e) {
                e.errors().forEach(err -> errors.add(err.field(), err.code(), err.message()));
            }
        }
        return owners;
    }
}
