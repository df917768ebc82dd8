package bt.druk.registry.interfaces.web.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.record.ReceiptView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A lagthram whose owners are named in Dzongkha prints the Tibetan script correctly shaped, next to
 * the Latin part of the same name. Two outside tools judge it: Poppler's {@code pdftotext} must
 * give the text back, and the glyphs in the PDF (read with PDFBox) must be the ones HarfBuzz's
 * {@code hb-shape} chooses for the same font and text — stacked letters such as རྡོ and སྟ are
 * single glyphs there, not the letters' own glyphs side by side. Debian: poppler-utils,
 * libharfbuzz-bin (.ci/run installs them).
 */
class DzongkhaCertificateTest {

    private static final Path FONT = Path.of("src/main/resources", PdfKit.TIBETAN_FONT);
    private static final String KINLEY = "ཀུན་ལེགས་";
    private static final String DORJI = "རྡོ་རྗེ་བསྟན་འཛིན་";
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static byte[] pdf;
    private static Path file;

    @BeforeAll
    static void render() throws IOException {
        LandCertificate c = new LandCertificate(true, "CHA2-0315", "THR-315", "Thimphu", "Chang", "0.25 acres", "Dry land (Kamzhing)",
                "Registered", List.of(
                        new LandCertificate.Owner(KINLEY + " Kinley Wangmo", "10101000123", "1/2", "000102030405060708090a0b0c0d0e0f"),
                        new LandCertificate.Owner(DORJI + " Dorji Tenzin", "10101000456", "1/2", "ffeeddccbbaa99887766554433221100")),
                List.of(), null, "land-title:CHA2-0315", 1, HASH, null,
                new ReceiptView("a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", 17,
                        Instant.parse("2026-05-01T10:15:30Z"), List.of("AuditMSP", "LandMSP")),
                "http://127.0.0.1:8080/records/land.xhtml?pin=CHA2-0315", Instant.parse("2026-05-02T08:00:00Z"), "land.clerk (THIMPHU)");
        pdf = new LandCertificateRenderer().render(c);
        file = Path.of(System.getProperty("druk.build.dir", "target"), "dzongkha-lagthram.pdf").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.write(file, pdf);
    }

    @Test
    void pdftotextGivesTheTibetanAndTheLatinPartsOfEachNameBack() throws Exception {
        String text = run("pdftotext", "-enc", "UTF-8", file.toString(), "-");
        assertTrue(text.contains(KINLEY), text);
        assertTrue(text.contains(DORJI), text);
        assertTrue(text.contains("Kinley Wangmo"), text);
        assertTrue(text.contains("Dorji Tenzin"), text);
        assertTrue(text.contains("CHA2-0315"), "the Latin text around it is still there: " + text);
    }

    @Test
    void theTibetanGlyphsAreTheOnesHarfBuzzShapes() throws Exception {
        List<Integer> expected = new ArrayList<>(hbShape(KINLEY, false));
        expected.addAll(hbShape(DORJI, false));
        List<Integer> unshaped = new ArrayList<>(hbShape(KINLEY, true));
        unshaped.addAll(hbShape(DORJI, true));
        assertNotEquals(unshaped, expected, "these names need shaping: HarfBuzz's glyphs differ from the letters' own");

        List<Integer> drawn = tibetanGlyphs(pdf);
        assertTrue(Collections.indexOfSubList(drawn, expected) >= 0,
                "the names' glyph ids, in order, among those drawn in DDC Uchen: " + expected + " in " + drawn);
        assertTrue(Collections.indexOfSubList(drawn, unshaped) < 0, "not the unshaped letters");
    }

    @Test
    void theDzongkhaHeadingsAreShapedToo() throws Exception {
        String title = "ས་ཆའི་བདག་དབང་ལག་ཁྱེར།";
        List<Integer> shaped = hbShape(title, false);
        assertNotEquals(hbShape(title, true), shaped, "ཁྱེ is a stacked letter");
        List<Integer> drawn = tibetanGlyphs(pdf);
        assertTrue(Collections.indexOfSubList(drawn, shaped) >= 0, "the lagthram's Dzongkha title: " + shaped + " in " + drawn);
        assertTrue(Collections.indexOfSubList(drawn, hbShape("ཇོ་བདག", false)) >= 0, "the owners' heading");
    }

    @Test
    void theFontIsEmbeddedAsASubsetWithItsLicenceBesideIt() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> embedded = new ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                if (font.getName().contains("DDC")) {
                    assertTrue(font.isEmbedded(), font.getName());
                    embedded.add(font.getName());
                }
            }
            assertEquals(1, embedded.size(), embedded.toString());
            assertTrue(embedded.get(0).matches("[A-Z]{6}\\+.*"), "a subset: " + embedded);
        }
        assertTrue(pdf.length < 200_000, "only the glyphs used are embedded, not the 860 kB font: " + pdf.length);
        assertTrue(Files.readString(FONT.resolveSibling("OFL.txt")).contains("SIL OPEN FONT LICENSE Version 1.1"));
    }

    /** Glyph ids HarfBuzz gives for the text in the shipped font; unshaped: each letter's own glyph (no OpenType features). */
    private static List<Integer> hbShape(String text, boolean unshaped) throws Exception {
        List<String> command = new ArrayList<>(List.of("hb-shape", "--no-glyph-names", "--no-positions", "--no-clusters",
                "--font-file=" + FONT.toAbsolutePath(), "--text=" + text));
        if (unshaped) {
            command.add(1, "--shapers=fallback");
        }
        String out = run(command.toArray(String[]::new)).trim();
        assertTrue(out.startsWith("[") && out.endsWith("]"), out);
        return Arrays.stream(out.substring(1, out.length() - 1).split("\\|")).map(Integer::valueOf).toList();
    }

    /** The glyph ids the page draws in the DDC Uchen font, in drawing order. */
    private static List<Integer> tibetanGlyphs(byte[] bytes) throws IOException {
        List<Integer> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper reader = new PDFTextStripper() {
                @Override
                protected void showGlyph(Matrix matrix, PDFont font, int code, Vector displacement) throws IOException {
                    if (font.getName() != null && font.getName().contains("DDC") && font instanceof PDType0Font type0) {
                        glyphs.add(type0.codeToGID(code));
                    }
                    super.showGlyph(matrix, font, code, displacement);
                }
            };
            reader.getText(document);
        }
        return glyphs;
    }

    private static String run(String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is missing: apt-get install poppler-utils libharfbuzz-bin", e);
        }
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command[0] + " did not finish");
        assertEquals(0, process.exitValue(), command[0] + ": " + new String(out, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }
}
