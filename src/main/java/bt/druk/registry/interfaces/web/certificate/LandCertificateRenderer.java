package bt.druk.registry.interfaces.web.certificate;

import com.google.zxing.WriterException;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Renders the lagthram (or a public extract) as PDF with OpenPDF, with a vector QR code (ZXing)
 * that opens the record's public page, where anyone can re-check the hash against the ledger. Names,
 * places and encumbrances in Dzongkha print in Tibetan script ({@link PdfKit#phrase}).
 */
public class LandCertificateRenderer {

    private final PdfKit kit = new PdfKit();
    private final Font title = kit.title;
    private final Font subtitle = kit.subtitle;
    private final Font label = kit.label;
    private final Font value = kit.value;
    private final Font mono = kit.mono;
    private final Font small = kit.small;
    private final Font warning = kit.warning;

    public byte[] render(LandCertificate c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 44, 44);
        try {
            PdfWriter writer = PdfKit.archivalWriter(document, out);
            document.addTitle((c.fullOwnerDetails() ? "Lagthram " : "Public extract ") + c.pin());
            document.addSubject("Land title " + c.recordKey() + " version " + c.version());
            document.addCreator("Druk Registry");
            document.addKeywords("PIN " + c.pin() + " hash " + c.hash());
            document.open();
            kit.border(writer);

            header(document, c);
            kit.section(document, "certificate.pdf.parcel");
            document.add(parcelTable(c));
            kit.section(document, "certificate.pdf.owners");
            document.add(ownersTable(c));
            kit.section(document, "certificate.pdf.encumbrances");
            if (c.encumbrances().isEmpty()) {
                document.add(PdfKit.paragraph("None recorded.", value));
            } else {
                for (String e : c.encumbrances()) {
                    document.add(PdfKit.paragraph("•  " + e, value));
                }
            }
            if (c.pendingTransfer() != null) {
                Paragraph p = PdfKit.paragraph(c.pendingTransfer(), warning);
                p.setSpacingBefore(4);
                document.add(p);
            }
            kit.section(document, "certificate.pdf.ledgerRecord");
            document.add(ledgerTable(writer, c));
            footer(document, c);
            PdfKit.archive(writer);
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
        document.add(kit.centred(PdfKit.dzongkha("certificate.pdf.kingdom") + "  ·  " + PdfKit.dzongkha("certificate.pdf.landCommission"), label));
        document.add(kit.centred((PdfKit.english("certificate.pdf.kingdom") + "  ·  "
                + PdfKit.english("certificate.pdf.landCommission")).toUpperCase(Locale.ROOT), label));
        kit.title(document, c.fullOwnerDetails() ? "certificate.pdf.lagthram" : "certificate.pdf.publicExtract");
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

    private PdfPTable parcelTable(LandCertificate c) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {1, 2, 1, 2});
        table.setWidthPercentage(100);
        kit.pair(table, "PIN / plot no.", c.pin());
        kit.pair(table, "Thram no.", c.thramNo());
        kit.pair(table, "Dzongkhag", c.dzongkhag());
        kit.pair(table, "Gewog", c.gewog());
        kit.pair(table, "Area", c.area());
        kit.pair(table, "Land type", c.landType());
        kit.pair(table, "Status", c.status());
        kit.pair(table, "Register", "Land");
        return table;
    }

    private PdfPTable ownersTable(LandCertificate c) throws DocumentException {
        PdfPTable table = c.fullOwnerDetails() ? new PdfPTable(new float[] {2.6f, 1.5f, 0.7f, 2.8f}) : new PdfPTable(new float[] {4, 1});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        kit.headerCell(table, "Name");
        if (c.fullOwnerDetails()) {
            kit.headerCell(table, "CID");
        }
        kit.headerCell(table, "Share");
        if (c.fullOwnerDetails()) {
            kit.headerCell(table, "Owner proof (salt)");
        }
        for (LandCertificate.Owner owner : c.owners()) {
            table.addCell(kit.cell(owner.name(), value));
            if (c.fullOwnerDetails()) {
                table.addCell(kit.cell(owner.cid(), value));
            }
            table.addCell(kit.cell(owner.share(), value));
            if (c.fullOwnerDetails()) {
                table.addCell(kit.cell(owner.salt(), mono));
            }
        }
        if (c.fullOwnerDetails()) {
            PdfPCell note = kit.cell("The public record names each owner only by SHA-256 of the RFC 8785 JSON "
                    + "{\"cid\",\"name\",\"salt\"}; with this salt an owner can show that an entry is theirs.", small);
            note.setColspan(4);
            table.addCell(note);
        }
        return table;
    }

    private PdfPTable ledgerTable(PdfWriter writer, LandCertificate c) throws DocumentException, WriterException {
        PdfPTable facts = new PdfPTable(new float[] {1, 3});
        facts.setWidthPercentage(100);
        kit.monoPair(facts, "Record key", c.recordKey());
        kit.monoPair(facts, "Version", String.valueOf(c.version()));
        kit.monoPair(facts, "Record hash (SHA-256)", c.hash());
        kit.monoPair(facts, "Previous hash", c.previousHash() == null ? "— (first version)" : c.previousHash());
        kit.receiptRows(facts, c.receipt());
        return kit.withQrCode(writer, facts, c.verifyUrl(), "Scan to open the public record and verify it on the ledger");
    }

    private void footer(Document document, LandCertificate c) throws DocumentException {
        Paragraph url = new Paragraph("", small);
        url.setSpacingBefore(14);
        url.add(new Chunk("Verify at: ", small));
        url.add(new Chunk(c.verifyUrl(), mono).setAnchor(c.verifyUrl()));
        document.add(url);
        Paragraph how = new Paragraph("The record hash is the SHA-256 of the record's canonical JSON (RFC 8785). "
                + "This certificate is genuine only while that hash matches the entry committed on the Druk Registry "
                + "ledger, endorsed by the issuing agency and the Royal Audit Authority.", small);
        how.setSpacingBefore(4);
        document.add(how);
        Paragraph issued = PdfKit.paragraph("Issued " + PdfKit.UTC.format(c.issuedAt())
                + (c.issuedBy() == null ? "" : " by " + c.issuedBy()), small);
        issued.setSpacingBefore(4);
        document.add(issued);
    }

}
