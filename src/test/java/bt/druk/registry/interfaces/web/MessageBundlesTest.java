package bt.druk.registry.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Dzongkha bundles translate every English message: the same keys, the same placeholders in
 * each, Tibetan script in every value (but the few symbols listed here), and a pattern that
 * MessageFormat formats as it does the English one.
 */
class MessageBundlesTest {

    private static final Path DIR = Path.of("src/main/resources/bt/druk/registry/interfaces/web");
    /** Values that are the same in every language: symbols, not words. */
    private static final Set<String> NOT_TIBETAN = Set.of("hash.none", "docverify.mark.pass", "docverify.mark.fail",
            "docverify.mark.warn", "docverify.mark.not-applicable", "docverify.mark.not-checked");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private static final Pattern TIBETAN = Pattern.compile("[\\x{0F00}-\\x{0FFF}]");
    private static final Locale DZONGKHA = Locale.forLanguageTag("dz");

    @ParameterizedTest
    @ValueSource(strings = {"messages", "validation"})
    void everyEnglishKeyHasADzongkhaTranslationWithTheSamePlaceholders(String bundle) throws IOException {
        Properties en = load(bundle + ".properties");
        Properties dz = load(bundle + "_dz.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(dz.stringPropertyNames()), "the same keys");

        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            String english = en.getProperty(key);
            String dzongkha = dz.getProperty(key);
            if (!placeholders(english).equals(placeholders(dzongkha))) {
                problems.add(key + ": placeholders " + placeholders(english) + " in English, " + placeholders(dzongkha) + " in Dzongkha");
            }
            if (!NOT_TIBETAN.contains(key) && !TIBETAN.matcher(dzongkha).find()) {
                problems.add(key + ": no Tibetan script in '" + dzongkha + "'");
            }
            if (NOT_TIBETAN.contains(key) && !english.equals(dzongkha)) {
                problems.add(key + ": a symbol, expected as in English");
            }
            dzongkha.codePoints().filter(c -> c >= 0x0F00 && c <= 0x0FFF && !Character.isDefined(c))
                    .forEach(c -> problems.add(key + ": unassigned code point U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT)));
            if (!placeholders(english).isEmpty()) {
                problems.addAll(formatProblems(key, english, dzongkha));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages", "validation"})
    void resourceBundlesFindTheDzongkhaTextAsUtf8(String bundle) throws IOException {
        String base = "bt.druk.registry.interfaces.web." + bundle;
        Properties dz = load(bundle + "_dz.properties");
        ResourceBundle dzongkha = ResourceBundle.getBundle(base, DZONGKHA);
        ResourceBundle english = ResourceBundle.getBundle(base, Locale.ENGLISH);
        for (String key : dz.stringPropertyNames()) {
            assertEquals(dz.getProperty(key), dzongkha.getString(key), key);
        }
        String sample = bundle.equals("messages") ? "record.thram" : "jakarta.faces.component.UIInput.REQUIRED";
        assertTrue(TIBETAN.matcher(dzongkha.getString(sample)).find(), dzongkha.getString(sample));
        assertTrue(!TIBETAN.matcher(english.getString(sample)).find(), english.getString(sample));
    }

    /** A pattern with arguments must format in Dzongkha, every argument showing, as the English one does. */
    private static List<String> formatProblems(String key, String english, String dzongkha) {
        List<String> problems = new ArrayList<>();
        Set<Integer> indices = placeholders(english);
        Object[] args = new Object[indices.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
        for (int i = 0; i < args.length; i++) {
            args[i] = "⟨" + i + "⟩";
        }
        try {
            new MessageFormat(english, Locale.ENGLISH).format(args);
        } catch (IllegalArgumentException e) {
            // A choice pattern takes numbers: both must format 1 and 3.
            for (int n : new int[] {1, 3}) {
                Object[] numbers = java.util.Collections.nCopies(args.length, (Object) n).toArray();
                try {
                    new MessageFormat(dzongkha, DZONGKHA).format(numbers);
                } catch (IllegalArgumentException notNumbers) {
                    problems.add(key + ": does not format " + n + ": " + notNumbers.getMessage());
                }
            }
            return problems;
        }
        try {
            String text = new MessageFormat(dzongkha, DZONGKHA).format(args);
            for (int i : indices) {
                if (!text.contains("⟨" + i + "⟩")) {
                    problems.add(key + ": {" + i + "} does not show in '" + text + "' (a stray apostrophe?)");
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add(key + ": not a MessageFormat pattern: " + e.getMessage());
        }
        return problems;
    }

    private static Set<Integer> placeholders(String text) {
        Set<Integer> indices = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            indices.add(Integer.parseInt(m.group(1)));
        }
        return indices;
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(DIR.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
