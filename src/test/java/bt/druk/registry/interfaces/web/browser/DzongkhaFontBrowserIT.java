package bt.druk.registry.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.testing.BrowserOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Dzongkha renders with the portal's own DDC Uchen web font in a real headless Chromium, on a
 * machine that has no Tibetan font of its own: the citizen's phone of issue 13, where the public
 * record page showed the owner's name as empty boxes.
 *
 * <p>No portal: the JDK's HttpServer serves a static page that links the real
 * {@code webapp/resources/druk/css/druk.css}, and the real font from {@code webapp/resources/druk/fonts/}
 * with the mime type that {@code web.xml} maps for its extension. The stylesheet's
 * {@code #{resource['druk:…']}} URL is resolved the way Faces' resource handler resolves it.
 * Chromium gets a fontconfig that knows only DejaVu (no Tibetan glyphs), so a Tibetan glyph on the
 * page can only come from the web font; the Debian package {@code fonts-ddc-uchen}, if installed,
 * cannot make this test pass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@BrowserOnly
class DzongkhaFontBrowserIT {

    private static final String FAMILY = "DDC Uchen";
    private static final String FONT_FILE = "fonts/DDC_Uchen.woff2";
    private static final Pattern RESOURCE_EL = Pattern.compile("#\\{resource\\['druk:([^']+)'\\]\\}");

    private StaticSite site;
    private String baseUrl;
    private final List<String> fontContentTypes = new CopyOnWriteArrayList<>();
    private Path work;
    private ChromeDriver driver;

    @BeforeAll
    void start() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        Path webapp = projectDir().resolve("webapp");
        Path resources = webapp.resolve("resources/druk");
        String webXml = Files.readString(webapp.resolve("WEB-INF/web.xml"));
        site = StaticSite.start((method, path, body) -> {
            if (path.equals("/font-test.html") || path.equals("/latin-only.html") || path.equals("/font-test.css")) {
                String type = path.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
                return StaticSite.Response.testResource("/dzongkha-font" + path, type);
            }
            if (path.equals("/css/druk.css")) {
                String css = Files.readString(resources.resolve("css/druk.css"));
                return StaticSite.Response.ok("text/css; charset=utf-8", RESOURCE_EL.matcher(css).replaceAll("/resources/druk/$1"));
            }
            if (path.startsWith("/resources/druk/fonts/")) {
                String type = mimeType(webXml, path.substring(path.lastIndexOf('.') + 1));
                fontContentTypes.add(type);
                return type == null ? null : StaticSite.Response.projectFile("webapp" + path, type);
            }
            return null;
        });
        baseUrl = site.baseUrl;
        work = Files.createTempDirectory("druk-dzongkha-font-it-");
        driver = chromiumWithoutTibetanFonts();
    }

    @AfterAll
    void stop() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (site != null) {
                site.close();
            }
            if (work != null) {
                try (Stream<Path> files = Files.walk(work)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    void theStylesheetDeclaresTheShippedFontForTibetanOnly() throws IOException {
        Path resources = projectDir().resolve("webapp/resources/druk");
        String css = Files.readString(resources.resolve("css/druk.css"));
        Matcher url = RESOURCE_EL.matcher(css);
        assertTrue(url.find(), "druk.css names its font through Faces' resource EL");
        assertEquals(FONT_FILE, url.group(1));
        assertTrue(Files.size(resources.resolve(FONT_FILE)) > 100_000, "the whole font, not a stub");
        String licence = Files.readString(resources.resolve("fonts/OFL.txt"));
        assertTrue(licence.contains("SIL OPEN FONT LICENSE Version 1.1"), licence);
        assertTrue(licence.contains("Dzongkha Development Commission"), licence);
        assertEquals("font/woff2", mimeType(Files.readString(projectDir().resolve("webapp/WEB-INF/web.xml")), "woff2"),
                "web.xml maps .woff2, or the default servlet and Faces would serve it untyped");
    }

    @Test
    void tibetanTextIsDrawnWithTheWebFontNotBoxes() {
        site.clear();
        fontContentTypes.clear();
        open("/font-test.html");

        assertEquals(Boolean.TRUE, js("return document.fonts.check('16px \"" + FAMILY + "\"', 'ཀུན');"));
        assertEquals("loaded", js("for (const f of document.fonts) { if (f.family.replace(/\"/g, '') === '" + FAMILY
                + "') return f.status; } return 'no such face';"));
        assertEquals(1, site.paths().stream().filter(p -> p.equals("/resources/druk/" + FONT_FILE)).count(), site.paths().toString());
        assertEquals(List.of("font/woff2"), fontContentTypes);

        // With the web font the syllables are real glyphs; without it (same text, a stack without
        // the font) the fallback finds none on this machine and draws boxes of another width.
        double withFont = width("tibetan");
        double withoutFont = width("fallback");
        assertTrue(withFont > 0 && withoutFont > 0, withFont + " / " + withoutFont);
        assertNotEquals(withFont, withoutFont, 0.5, "the same width as the fallback: the web font is not drawing the glyphs");

        // What Chromium itself says it drew each text with (ཀུན་ལེགས་: 9 code points, 7 glyphs once shaped).
        Map<String, Number> owner = platformFonts("#owner");
        assertTrue(owner.getOrDefault(FAMILY + " (web font)", 0).intValue() >= 5,
                "the Tibetan part of the owner's name comes from the web font: " + owner);
        assertTrue(owner.keySet().stream().anyMatch(f -> f.startsWith("DejaVu")), "the Latin part keeps the stack's Latin font: " + owner);
        Map<String, Number> fallback = platformFonts("#fallback");
        assertFalse(fallback.keySet().stream().anyMatch(f -> f.startsWith(FAMILY)), "the fallback must not find the font: " + fallback);

        // Masked names (monospaced) and form fields (a clerk typing a Dzongkha name) too.
        assertTrue(platformFonts("#masked").getOrDefault(FAMILY + " (web font)", 0).intValue() >= 1, platformFonts("#masked").toString());
        for (String id : List.of("masked", "name", "owner")) {
            String stack = (String) js("return getComputedStyle(document.getElementById(arguments[0])).fontFamily;", id);
            assertTrue(stack.startsWith("\"" + FAMILY + "\""), id + ": " + stack);
        }
    }

    @Test
    void aPageWithoutTibetanTextNeverDownloadsTheFont() {
        site.clear();
        open("/latin-only.html");
        assertTrue(site.paths().contains("/css/druk.css"), site.paths().toString());
        assertFalse(site.paths().stream().anyMatch(p -> p.startsWith("/resources/druk/fonts/")), site.paths().toString());
    }

    private void open(String page) {
        driver.get(baseUrl + page);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // Resolves once every font the page uses has loaded (or failed).
        driver.executeAsyncScript("const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done(true));");
    }

    private double width(String id) {
        return ((Number) js("return document.getElementById(arguments[0]).getBoundingClientRect().width;", id)).doubleValue();
    }

    /** Chromium's own account of the fonts that drew a node's text: family (web font or not) to glyph count. */
    @SuppressWarnings("unchecked")
    private Map<String, Number> platformFonts(String selector) {
        driver.executeCdpCommand("DOM.enable", Map.of());
        driver.executeCdpCommand("CSS.enable", Map.of());
        Map<String, Object> document = driver.executeCdpCommand("DOM.getDocument", Map.of());
        Number root = (Number) ((Map<String, Object>) document.get("root")).get("nodeId");
        Number node = (Number) driver.executeCdpCommand("DOM.querySelector", Map.of("nodeId", root, "selector", selector)).get("nodeId");
        List<Map<String, Object>> fonts = (List<Map<String, Object>>) driver.executeCdpCommand(
                "CSS.getPlatformFontsForNode", Map.of("nodeId", node)).get("fonts");
        Map<String, Number> byFamily = new java.util.TreeMap<>();
        for (Map<String, Object> font : fonts) {
            String name = font.get("familyName") + (Boolean.TRUE.equals(font.get("isCustomFont")) ? " (web font)" : "");
            byFamily.merge(name, (Number) font.get("glyphCount"), (a, b) -> a.intValue() + b.intValue());
        }
        return byFamily;
    }

    private Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /**
     * Chromium as {@link Browser} starts it, but with a fontconfig that offers DejaVu and nothing
     * else, whatever fonts this machine has installed.
     */
    private ChromeDriver chromiumWithoutTibetanFonts() throws IOException {
        Path fonts = Path.of("/usr/share/fonts/truetype/dejavu");
        assertTrue(Files.isDirectory(fonts), "Debian's fonts-dejavu-core (a dependency of chromium)");
        Path conf = work.resolve("fonts.conf");
        Files.writeString(conf, """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
                <fontconfig>
                  <dir>%s</dir>
                  <cachedir>%s</cachedir>
                </fontconfig>
                """.formatted(fonts, Files.createDirectories(work.resolve("fontconfig-cache"))));
        Path profile = Files.createDirectories(work.resolve("profile"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browser.CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,1600",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(Browser.CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("FONTCONFIG_FILE", conf.toString()))
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    private static String mimeType(String webXml, String extension) {
        Matcher m = Pattern.compile("<extension>\\s*" + Pattern.quote(extension) + "\\s*</extension>\\s*<mime-type>\\s*([^<\\s]+)\\s*</mime-type>")
                .matcher(webXml);
        return m.find() ? m.group(1) : null;
    }

    private static Path projectDir() {
        return StaticSite.projectDir();
    }
}
