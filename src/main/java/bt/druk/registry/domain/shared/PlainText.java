package bt.druk.registry.domain.shared;

import java.text.Normalizer;

/**
 * The one rule for text that people type into a record — names of owners, objectors, parties and
 * lenders, reasons, tender titles, descriptions and items, document titles: which characters it may
 * hold and the one form it is kept (and hashed) in.
 *
 * <p><b>Refused</b>: control characters (C0 U+0000–U+001F, DEL, C1 U+0080–U+009F; in text of several
 * lines the line feed is allowed), every bidirectional formatting character — embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, and the marks
 * U+200E, U+200F and U+061C — and unpaired surrogates (no UTF-8 form: Java and a browser would hash
 * them differently). A NUL cut short what the database or a log kept; a right-to-left override reverses
 * how the rest of a line reads on a public page, so two names could look alike and differ. The marks
 * are refused too: they are invisible, neither Dzongkha nor English needs them, and a name with one
 * would look the same as one without while its commitment differs.
 *
 * <p><b>Kept</b>: everything Dzongkha is written with — the Tibetan block U+0F00–U+0FFF (letters,
 * subjoined letters, vowel signs, the tsheg U+0F0B and its non-breaking form U+0F0C, the shad) — and
 * the zero-width joiner and non-joiner U+200D/U+200C, which shape text and override nothing.
 *
 * <p><b>Normalised</b> to Unicode NFC (and line breaks to LF) before anything is checked, stored or
 * hashed: a name typed with a decomposed "é" (e + U+0301) and one with the composed "é" are the same
 * name with the same commitment. Ordinary Dzongkha is unchanged by NFC.
 */
public final class PlainText {

    /** The code of the refusal ({@code error.text.characters} in a page's bundle may translate it). */
    public static final String CODE = "text.characters";
    public static final String MESSAGE = "Remove the control or text-direction characters (invisible characters that can"
            + " change how the text reads; they often come with pasted text)";

    private PlainText() {
    }

    /** NFC, with CR LF and lone CR as LF; null stays null. Trimming is the caller's. */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return nfc.indexOf('\r') < 0 ? nfc : nfc.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** One line of text holds none of the refused characters (a null or empty one is clean: emptiness is the caller's rule). */
    public static boolean isLine(String text) {
        return firstRefused(text, false) < 0;
    }

    /** Text of several lines (line feeds allowed) holds none of the refused characters. */
    public static boolean isLines(String text) {
        return firstRefused(text, true) < 0;
    }

    /** Adds the refusal for {@code field} when the one-line {@code text} holds a refused character. */
    public static void checkLine(ValidationException.Collector errors, String field, String text) {
        if (!isLine(text)) {
            errors.add(field, CODE, MESSAGE);
        }
    }

    /** Adds the refusal for {@code field} when the text of several lines holds a refused character. */
    public static void checkLines(ValidationException.Collector errors, String field, String text) {
        if (!isLines(text)) {
            errors.add(field, CODE, MESSAGE);
        }
    }

    /** The index of the first refused character, or -1. */
    public static int firstRefused(String text, boolean lines) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c) || isRefused(c, lines)) {
                return i;
            }
        }
        return -1;
    }

    /** A character of the Basic Multilingual Plane refused by the rule (every refused one is in it). */
    public static boolean isRefused(char c, boolean lines) {
        if (c == '\n') {
            return !lines;
        }
        return Character.isISOControl(c)             // C0, DEL, C1
                || (c >= '\u202A' && c <= '\u202E')  // LRE, RLE, PDF, LRO, RLO
                || (c >= '\u2066' && c <= '\u2069')  // LRI, RLI, FSI, PDI
                || c == '\u200E' || c == '\u200F'    // LRM, RLM
                || c == '\u061C';                    // ALM
    }
}
