package bt.druk.registry.interfaces.web.certificate;

import com.google.zxing.WriterException;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Renders the lagthram (or a public extract) as PDF with OpenPDF, with a vector QR code (ZXing)
 * that opens the record's public page, where anyone can re-check the hash against the ledger.
 */
public class LandCertificateRenderer {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Color INK = new Color(0x1f, 0x2a, 0x37);
    private static final Color SAFFRON = new Color(0xe8, 0x9a, 0x1c);
    private static final Color MAROON = new Color(0x8a, 0x1c, 0x1c);
    private static final Color RULE = new Color(0xd6, 0xd9, 0xde);
    private static final Color SHADE = new Color(0xf5, 0xf1, 0xe8);

    private final Font title = new Font(Font.HELVETICA, 18, Font.BOLD, MAROON);
    private final Font subtitle = new Font(Font.HELVETICA, 10, Font.NORMAL, INK);
    private final Font heading = new Font(Font.HELVETICA, 11, Font.BOLD, MAROON);
    private final Font label = new Font(Font.HELVETICA, 8, Font.BOLD, new Color(0x55, 0x5f, 0x6b));
    private final Font value = new Font(Font.HELVETICA, 10, Font.NORMAL, INK);
    private final Font mono = new Font(Font.COURIER, 8, Font.NORMAL, INK);
    private final Font small = new Font(Font.HELVETICA, 7.5f, Font.NORMAL, new Color(0x55, 0x5f, 0x6b));
    private final Font warning = new Font(Font.HELVETICA, 9, Font.BOLD, MAROON);

    public byte[] render(LandCertificate c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 44, 44);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle((c.fullOwnerDetails() ? "Lagthram " : "Public extract ") + c.pin());
            document.addSubject("Land title " + c.recordKey() + " version " + c.version());
            document.addCreator("Druk Registry");
            document.addKeywords("PIN " + c.pin() + " hash " + c.hash());
            document.open();
            border(writer);

            header(document, c);
            section(document, "Parcel");
            document.add(parcelTable(c));
            section(document, "Owners");
            document.add(ownersTable(c));
            section(document, "Encumbrances");
            if (c.encumbrances().isEmpty()) {
                document.add(new Paragraph("None recorded.", value));
            } else {
                for (String e : c.encumbrances()) {
                    document.add(new Paragraph("•  " + e, value));
                }
            }
            if (c.pendingTransfer() != null) {
                Paragraph p = new Paragraph(c.pendingTransfer(), warning);
                p.setSpacingBefore(4);
                document.add(p);
            }
            section(document, "Ledger record");
            document.add(ledgerTable(writer, c));
            footer(document, c);
        } catch (DocumentException | WriterException e) {
            throw new IllegalStateException("could not render certificate for " + c.pin(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    private void header(Document document, LandCertificate c) throws DocumentException {
        Paragraph agency = new Paragraph("KINGDOM OF BHUTAN  ·  NATIONAL LAND COMMISSION", label);
        agency.setAlignment(Element.ALIGN_CENTER);
        document.add(agency);
        Paragraph t = new Paragraph(c.fullOwnerDetails() ? "Lagthram — Certificate of Land Title"
                : "Public Extract of a Land Title", title);
        t.setAlignment(Element.ALIGN_CENTER);
        t.setSpacingBefore(6);
        document.add(t);
        Paragraph s = new Paragraph("Druk Registry  ·  PIN " + c.pin() + "  ·  Thram " + c.thramNo()
                + "  ·  version " + c.version(), subtitle);
        s.setAlignment(Element.ALIGN_CENTER);
        s.setSpacingAfter(4);
        document.add(s);
        if (!c.fullOwnerDetails()) {
            Paragraph note = new Paragraph("Public extract: owner names are partially masked and CIDs are not shown. "
                    + "This is not the owner's lagthram.", warning);
            note.setAlignment(Element.ALIGN_CENTER);
            document.add(note);
        }
    }

    private void section(Document document, String name) throws DocumentException {
        Paragraph p = new Paragraph(name.toUpperCase(java.util.Locale.ROOT), heading);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private PdfPTable parcelTable(LandCertificate c) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {1, 2, 1, 2});
        table.setWidthPercentage(100);
        pair(table, "PIN / plot no.", c.pin());
        pair(table, "Thram no.", c.thramNo());
        pair(table, "Dzongkhag", c.dzongkhag());
        pair(table, "Gewog", c.gewog());
        pair(table, "Area", c.area());
        pair(table, "Land type", c.landType());
        pair(table, "Status", c.status());
        pair(table, "Register", "Land");
        return table;
    }

    private PdfPTable ownersTable(LandCertificate c) throws DocumentException {
        PdfPTable table = c.fullOwnerDetails() ? new PdfPTable(new float[] {2.6f, 1.5f, 0.7f, 2.8f}) : new PdfPTable(new float[] {4, 1});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        headerCell(table, "Name");
        if (c.fullOwnerDetails()) {
            headerCell(table, "CID");
        }
        headerCell(table, "Share");
        if (c.fullOwnerDetails()) {
            headerCell(table, "Owner proof (salt)");
        }
        for (LandCertificate.Owner owner : c.owners()) {
            table.addCell(cell(owner.name(), value));
            if (c.fullOwnerDetails()) {
                table.addCell(cell(owner.cid(), value));
            }
            table.addCell(cell(owner.share(), value));
            if (c.fullOwnerDetails()) {
                table.addCell(cell(owner.salt(), mono));
            }
        }
        if (c.fullOwnerDetails()) {
            PdfPCell note = cell("The public record names each owner only by SHA-256 of the RFC 8785 JSON "
                    + "{\"cid\",\"name\",\"salt\"}; with this salt an owner can show that an entry is theirs.", small);
            note.setColspan(4);
            table.addCell(note);
        }
        return table;
    }

    private PdfPTable ledgerTable(PdfWriter writer, LandCertificate c) throws DocumentException, WriterException {
        PdfPTable outer = new PdfPTable(new float[] {3.2f, 1.3f});
        outer.setWidthPercentage(100);

        PdfPTable facts = new PdfPTable(new float[] {1, 3});
        facts.setWidthPercentage(100);
        monoPair(facts, "Record key", c.recordKey());
        monoPair(facts, "Version", String.valueOf(c.version()));
        monoPair(facts, "Record hash (SHA-256)", c.hash());
        monoPair(facts, "Previous hash", c.previousHash() == null ? "— (first version)" : c.previousHash());
        if (c.receipt() != null) {
            monoPair(facts, "Transaction id", c.receipt().txId());
            monoPair(facts, "Block", String.valueOf(c.receipt().blockNumber()));
            monoPair(facts, "Committed", c.receipt().commitTime() == null ? "—" : UTC.format(c.receipt().commitTime()));
            monoPair(facts, "Endorsed by", c.receipt().endorsingMspIds().isEmpty() ? "—"
                    : String.join(", ", c.receipt().endorsingMspIds()));
        }
        PdfPCell left = new PdfPCell(facts);
        left.setBorder(Rectangle.NO_BORDER);
        left.setPaddingRight(8);
        outer.addCell(left);

        PdfPCell right = new PdfPCell();
        right.setBorder(Rectangle.NO_BORDER);
        right.setHorizontalAlignment(Element.ALIGN_CENTER);
        Image qr = PdfQrCode.of(writer, c.verifyUrl(), 110);
        qr.setAlignment(Element.ALIGN_CENTER);
        right.addElement(qr);
        Paragraph caption = new Paragraph("Scan to open the public record and verify it on the ledger", small);
        caption.setAlignment(Element.ALIGN_CENTER);
        right.addElement(caption);
        outer.addCell(right);
        return outer;
    }

    private void footer(Document document, LandCertificate c) throws DocumentException {
        Paragraph url = new Paragraph();
        url.setSpacingBefore(14);
        url.add(new Chunk("Verify at: ", small));
        url.add(new Chunk(c.verifyUrl(), mono).setAnchor(c.verifyUrl()));
        document.add(url);
        Paragraph how = new Paragraph("The record hash is the SHA-256 of the record's canonical JSON (RFC 8785). "
                + "This certificate is genuine only while that hash matches the entry committed on the Druk Registry "
                + "ledger, endorsed by the issuing agency and the Royal Audit Authority.", small);
        how.setSpacingBefore(4);
        document.add(how);
        Paragraph issued = new Paragraph("Issued " + UTC.format(c.issuedAt())
                + (c.issuedBy() == null ? "" : " by " + c.issuedBy()), small);
        issued.setSpacingBefore(4);
        document.add(issued);
    }

    private void pair(PdfPTable table, String name, String text) {
        PdfPCell l = cell(name, label);
        l.setBackgroundColor(SHADE);
        table.addCell(l);
        table.addCell(cell(text, value));
    }

    private void monoPair(PdfPTable table, String name, String text) {
        PdfPCell l = cell(name, label);
        l.setBackgroundColor(SHADE);
        table.addCell(l);
        table.addCell(cell(text, mono));
    }

    private void headerCell(PdfPTable table, String text) {
        PdfPCell cell = cell(text, label);
        cell.setBackgroundColor(SHADE);
        table.addCell(cell);
    }

    private PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null || text.isEmpty() ? "—" : text, font));
        cell.setBorderColor(RULE);
        cell.setPadding(5);
        return cell;
    }

    private void border(PdfWriter writer) {
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
