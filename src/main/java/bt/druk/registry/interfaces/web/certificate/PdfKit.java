package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.application.record.ReceiptView;
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
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the registry's one-page certificates share (OpenPDF): the palette and fonts, the double
 * saffron and maroon border, section headings, label/value rows, and the ledger block with its QR
 * code. Latin text in the standard Helvetica and Courier fonts; Tibetan (Dzongkha) text, such as an
 * owner named {@code ཀུན་ལེགས་ Kinley Wangmo}, in the embedded DDC Uchen font, shaped (see {@link #phrase}).
 */
final class PdfKit {

    /** DDC Uchen (SIL OFL, OFL.txt beside it), the Dzongkha Development Commission's font. */
    static final String TIBETAN_FONT = "bt/druk/registry/interfaces/web/certificate/fonts/DDC_Uchen.ttf";
    /** Tibetan letters are a little smaller than Latin ones at the same point size. */
    private static final float TIBETAN_SCALE = 1.1f;
    private static final BaseFont UCHEN = uchen();

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    static final Color INK = new Color(0x1f, 0x2a, 0x37);
    static final Color SAFFRON = new Color(0xe8, 0x9a, 0x1c);
    static final Color MAROON = new Color(0x8a, 0x1c, 0x1c);
    static final Color RULE = new Color(0xd6, 0xd9, 0xde);
    static final Color SHADE = new Color(0xf5, 0xf1, 0xe8);
    static final Color GREY = new Color(0x55, 0x5f, 0x6b);

    final Font title = new Font(Font.HELVETICA, 18, Font.BOLD, MAROON);
    final Font subtitle = new Font(Font.HELVETICA, 10, Font.NORMAL, INK);
    final Font heading = new Font(Font.HELVETICA, 11, Font.BOLD, MAROON);
    final Font label = new Font(Font.HELVETICA, 8, Font.BOLD, GREY);
    final Font value = new Font(Font.HELVETICA, 10, Font.NORMAL, INK);
    final Font mono = new Font(Font.COURIER, 8, Font.NORMAL, INK);
    final Font small = new Font(Font.HELVETICA, 7.5f, Font.NORMAL, GREY);
    final Font warning = new Font(Font.HELVETICA, 9, Font.BOLD, MAROON);

    /**
     * Tibetan needs OpenType shaping: a stacked letter (རྡོ་རྗེ་, བསྟན་) is one glyph the font's GSUB
     * and GPOS tables make from several code points. OpenPDF does that only through its
     * LayoutProcessor (the JDK's layout engine), for fonts created after it is enabled; it is one
     * switch for the whole JVM. ActualText keeps the original letters for copying and searching.
     */
    private static BaseFont uchen() {
        synchronized (LayoutProcessor.class) {
            if (!LayoutProcessor.isEnabled()) {
                LayoutProcessor.enableKernLiga();
                LayoutProcessor.setWriteActualText();
            }
        }
        try {
            return BaseFont.createFont(TIBETAN_FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, null, null);
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("the certificates' Tibetan font " + TIBETAN_FONT + " cannot be loaded", e);
        }
    }

    /**
     * The text in the given font, with any Tibetan in it set in DDC Uchen (same colour, a little
     * larger): one line may mix both, as a name like {@code ཀུན་ལེགས་ Kinley Wangmo} does.
     */
    static Phrase phrase(String text, Font font) {
        FontSelector selector = new FontSelector();
        selector.addFont(font);
        selector.addFont(new Font(UCHEN, font.getSize() * TIBETAN_SCALE, Font.NORMAL, font.getColor()));
        return selector.process(text);
    }

    /** A paragraph of {@link #phrase(String, Font)}. */
    static Paragraph paragraph(String text, Font font) {
        Paragraph paragraph = new Paragraph(phrase(text, font));
        paragraph.setFont(font);
        return paragraph;
    }

    /** A heading line above a part of the certificate. */
    void section(Document document, String name) throws DocumentException {
        Paragraph p = new Paragraph(name.toUpperCase(Locale.ROOT), heading);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        document.add(p);
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
