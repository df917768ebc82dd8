package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.application.record.ReceiptView;
import bt.druk.registry.interfaces.web.Messages;
import com.google.zxing.WriterException;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.LayoutProcessor;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.text.MessageFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the registry's certificates share (OpenPDF): the palette and fonts, the double saffron and
 * maroon border, headings in Dzongkha and English, label/value rows, the ledger block with its QR
 * code, and what makes them PDF/A-1b (archival): every font embedded, an sRGB output intent and XMP
 * metadata. Latin text in DejaVu Sans and DejaVu Sans Mono; Tibetan (Dzongkha) text, such as an owner
 * named {@code ཀུན་ལེགས་ Kinley Wangmo}, in DDC Uchen, shaped (see {@link #phrase}). The fonts are
 * embedded as subsets; PDF/A forbids relying on a reader's own Helvetica.
 */
final class PdfKit {

    private static final String FONTS = "bt/druk/registry/interfaces/web/certificate/fonts/";
    /** DDC Uchen (SIL OFL, OFL.txt beside it), the Dzongkha Development Commission's font. */
    static final String TIBETAN_FONT = FONTS + "DDC_Uchen.ttf";
    /** Tibetan letters are a little smaller than Latin ones at the same point size. */
    private static final float TIBETAN_SCALE = 1.1f;
    private static final BaseFont UCHEN = embedded(TIBETAN_FONT);
    /** DejaVu (Bitstream Vera licence, DejaVu-LICENSE.txt beside them). */
    private static final BaseFont SANS = embedded(FONTS + "DejaVuSans.ttf");
    private static final BaseFont SANS_BOLD = embedded(FONTS + "DejaVuSans-Bold.ttf");
    private static final BaseFont MONO = embedded(FONTS + "DejaVuSansMono.ttf");
    /** Certificates print their headings in both languages, whatever the page's language was. */
    private static final ResourceBundle ENGLISH = bundle(Locale.ROOT);
    private static final ResourceBundle DZONGKHA = bundle(Locale.forLanguageTag("dz"));

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    static final Color INK = new Color(0x1f, 0x2a, 0x37);
    static final Color SAFFRON = new Color(0xe8, 0x9a, 0x1c);
    static final Color MAROON = new Color(0x8a, 0x1c, 0x1c);
    static final Color RULE = new Color(0xd6, 0xd9, 0xde);
    static final Color SHADE = new Color(0xf5, 0xf1, 0xe8);
    static final Color GREY = new Color(0x55, 0x5f, 0x6b);

    final Font title = bold(17, MAROON);
    final Font subtitle = regular(9.5f, INK);
    final Font heading = bold(10.5f, MAROON);
    final Font label = bold(7.5f, GREY);
    final Font value = regular(9.5f, INK);
    final Font mono = new Font(MONO, 7.5f, Font.NORMAL, INK);
    final Font small = regular(7f, GREY);
    final Font warning = bold(8.5f, MAROON);

    static Font regular(float size, Color color) {
        return new Font(SANS, size, Font.NORMAL, color);
    }

    static Font bold(float size, Color color) {
        return new Font(SANS_BOLD, size, Font.NORMAL, color);
    }

    static Font monospaced(float size, Color color) {
        return new Font(MONO, size, Font.NORMAL, color);
    }

    /**
     * A writer for a PDF/A-1b certificate: OpenPDF then refuses what PDF/A forbids (a font not
     * embedded, transparency) while rendering. Call {@link #archive} before closing the document.
     */
    static PdfWriter archivalWriter(Document document, OutputStream out) throws DocumentException {
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPDFXConformance(PdfWriter.PDFA1B);
        return writer;
    }

    /**
     * What PDF/A-1b asks of a finished document: the sRGB profile its colours are meant in (the
     * JDK's own ICC profile, version 2 as PDF/A-1 requires), and XMP metadata that repeats the
     * document information (title, subject, dates, PDF/A part and conformance).
     */
    static void archive(PdfWriter writer) {
        try {
            writer.setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
                    ICC_Profile.getInstance(ColorSpace.CS_sRGB));
        } catch (IOException e) {
            throw new IllegalStateException("the sRGB output intent cannot be written", e);
        }
        writer.createXmpMetadata();
    }

    /**
     * Tibetan needs OpenType shaping: a stacked letter (རྡོ་རྗེ་, བསྟན་) is one glyph the font's GSUB
     * and GPOS tables make from several code points. OpenPDF does that only through its
     * LayoutProcessor (the JDK's layout engine), for fonts created after it is enabled; it is one
     * switch for the whole JVM. ActualText keeps the original letters for copying and searching.
     */
    private static BaseFont embedded(String font) {
        synchronized (LayoutProcessor.class) {
            if (!LayoutProcessor.isEnabled()) {
                LayoutProcessor.enableKernLiga();
                LayoutProcessor.setWriteActualText();
            }
        }
        try {
            return BaseFont.createFont(font, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, null, null);
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("the certificates' font " + font + " cannot be loaded", e);
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(Messages.BUNDLE, locale, PdfKit.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The English text of a message-bundle key, with its arguments. */
    static String english(String key, Object... args) {
        return MessageFormat.format(ENGLISH.getString(key), args);
    }

    /** The Dzongkha text of a message-bundle key, with its arguments. */
    static String dzongkha(String key, Object... args) {
        return MessageFormat.format(DZONGKHA.getString(key), args);
    }

    /**
     * The text in the given font, with any Tibetan in it set in DDC Uchen (same colour, a little
     * larger): one line may mix both, as a name like {@code ཀུན་ལེགས་ Kinley Wangmo} does.
     */
    static Phrase phrase(String text, Font font) {
        FontSelector selector = new FontSelector();
        selector.addFont(font);
        selector.addFont(new Font(UCHEN, font.getSize() * TIBETAN_SCALE, Font.NORMAL, font.getColor()));
        Phrase phrase = selector.process(text);
        phrase.setFont(font);
        return phrase;
    }

    /** A paragraph of {@link #phrase(String, Font)}. */
    static Paragraph paragraph(String text, Font font) {
        Paragraph paragraph = new Paragraph(phrase(text, font));
        paragraph.setFont(font);
        return paragraph;
    }

    /** A heading line above a part of the certificate: Dzongkha, then English, from the bundles' {@code key}. */
    void section(Document document, String key, Object... args) throws DocumentException {
        document.add(heading(heading, key, args));
    }

    /** The heading paragraph of {@link #section}, in the given font (spaced for a section). */
    static Paragraph heading(Font font, String key, Object... args) {
        Paragraph p = paragraph(dzongkha(key, args) + "   " + english(key, args).toUpperCase(Locale.ROOT), font);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    /** A certificate's centred title: the Dzongkha title above the English one. */
    void title(Document document, String key) throws DocumentException {
        Paragraph dz = centred(dzongkha(key), title);
        dz.setSpacingBefore(4);
        document.add(dz);
        document.add(centred(english(key), title));
    }

    /** A centred line of the given font. */
    Paragraph centred(String text, Font font) {
        Paragraph p = paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    void pair(PdfPTable table, String name, String text) {
        PdfPCell l = cell(name, label);
        l.setBackgroundColor(SHADE);
        table.addCell(l);
        table.addCell(cell(text, value));
    }

    void monoPair(PdfPTable table, String name, String text) {
        PdfPCell l = cell(name, label);
        l.setBackgroundColor(SHADE);
        table.addCell(l);
        table.addCell(cell(text, mono));
    }

    /** Transaction id, block, commit time and endorsing organisations of a ledger receipt (nothing if none). */
    void receiptRows(PdfPTable facts, ReceiptView receipt) {
        if (receipt == null) {
            return;
        }
        monoPair(facts, "Transaction id", receipt.txId());
        monoPair(facts, "Block", String.valueOf(receipt.blockNumber()));
        monoPair(facts, "Committed", receipt.commitTime() == null ? "—" : UTC.format(receipt.commitTime()));
        monoPair(facts, "Endorsed by", receipt.endorsingMspIds().isEmpty() ? "—" : String.join(", ", receipt.endorsingMspIds()));
    }

    void headerCell(PdfPTable table, String text) {
        PdfPCell cell = cell(text, label);
        cell.setBackgroundColor(SHADE);
        table.addCell(cell);
    }

    /** A bordered cell; "—" for nothing. */
    PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(phrase(text == null || text.isEmpty() ? "—" : text, font));
        cell.setBorderColor(RULE);
        cell.setPadding(5);
        return cell;
    }

    /** Facts (left) beside a QR code for {@code qrUrl} with its caption (right). */
    PdfPTable withQrCode(PdfWriter writer, PdfPTable facts, String qrUrl, String caption) throws DocumentException, WriterException {
        PdfPTable outer = new PdfPTable(new float[] {3.2f, 1.3f});
        outer.setWidthPercentage(100);
        PdfPCell left = new PdfPCell(facts);
        left.setBorder(Rectangle.NO_BORDER);
        left.setPaddingRight(8);
        outer.addCell(left);

        PdfPCell right = new PdfPCell();
        right.setBorder(Rectangle.NO_BORDER);
        right.setHorizontalAlignment(Element.ALIGN_CENTER);
        Image qr = PdfQrCode.of(writer, qrUrl, 110);
        qr.setAlignment(Element.ALIGN_CENTER);
        right.addElement(qr);
        Paragraph text = new Paragraph(caption, small);
        text.setAlignment(Element.ALIGN_CENTER);
        right.addElement(text);
        outer.addCell(right);
        return outer;
    }

    /** The double border of a certificate page. */
    void border(PdfWriter writer) {
        PdfContentByte canvas = writer.getDirectContentUnder();
        Rectangle page = writer.getPageSize();
        canvas.setColorStroke(SAFFRON);
        canvas.setLineWidth(3);
        canvas.rectangle(24, 24, page.getWidth() - 48, page.getHeight() - 48);
        canvas.stroke();
        canvas.setColorStroke(MAROON);
        canvas.setLineWidth(0.8f);
        canvas.rectangle(30, 30, page.getWidth() - 60, page.getHeight() - 60);
        canvas.stroke();
    }
}
