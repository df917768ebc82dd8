package bt.druk.registry.interfaces.web.certificate;

import com.google.zxing.WriterException;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;

/**
 * Renders a notarial certificate as one A4 page (OpenPDF): the notarisation, the document's SHA-256,
 * its status when issued, the ledger receipt, and a QR code that opens the public verify page for
 * the document's hash, where anyone can check a file against it.
 */
public class NotarialCertificateRenderer {

    private final PdfKit kit = new PdfKit();

    public byte[] render(NotarialCertificate c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 44, 44);
        try {
            PdfWriter writer = PdfKit.archivalWriter(document, out);
            document.addTitle("Notarial certificate " + c.number());
            document.addSubject("Notarisation " + c.recordKey() + " version " + c.version());
            document.addCreator("Druk Registry");
            document.addKeywords("notarisation " + c.number() + " document " + c.documentSha256());
            document.open();
            kit.border(writer);

            document.add(kit.centred(PdfKit.dzongkha("certificate.pdf.kingdom") + "  ·  "
                    + PdfKit.dzongkha("certificate.pdf.notaryRegister"), kit.label));
            document.add(kit.centred((PdfKit.english("certificate.pdf.kingdom") + "  ·  "
                    + PdfKit.english("certificate.pdf.notaryRegister")).toUpperCase(java.util.Locale.ROOT), kit.label));
            kit.title(document, "certificate.pdf.notarialCertificate");
            Paragraph subtitle = kit.centred("Druk Registry  ·  notarisation " + c.number() + "  ·  version " + c.version(),
                    kit.subtitle);
            subtitle.setSpacingAfter(4);
            document.add(subtitle);
            if (c.supersededBy() != null || c.reason() != null) {
                document.add(kit.centred(statusLine(c), kit.warning));
            }

            kit.section(document, "certificate.pdf.notarisation");
            document.add(notarisationTable(c));
            kit.section(document, "certificate.pdf.document");
            document.add(documentTable(c));
            kit.section(document, "certificate.pdf.ledgerRecord");
            document.add(ledgerTable(writer, c));
            footer(document, c);
            PdfKit.archive(writer);
        } catch (DocumentException | WriterException e) {
            throw new IllegalStateException("could not render the notarial certificate of " + c.number(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    static String statusLine(NotarialCertificate c) {
        String line = c.supersededBy() != null ? c.status() + " by notarisation " + c.supersededBy() : c.status();
        return c.reason() == null ? line : line + ": " + c.reason();
    }

    private PdfPTable notarisationTable(NotarialCertificate c) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {1, 2, 1, 2});
        table.setWidthPercentage(100);
        kit.pair(table, "Notarisation no.", c.number());
        kit.pair(table, "Kind of document", c.documentType());
        kit.pair(table, "Notary office", c.notaryOffice());
        kit.pair(table, "Notarised on", c.notarisedOn().toString());
        kit.pair(table, "Status when issued", c.status());
        kit.pair(table, "Parties", c.partyCount() + " (named in the registry; public only as commitments)");
        return table;
    }

    private PdfPTable documentTable(NotarialCertificate c) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {1, 3});
        table.setWidthPercentage(100);
        kit.monoPair(table, "Document SHA-256", c.documentSha256());
        kit.pair(table, "File", c.mediaType() + ", " + c.size() + " bytes");
        return table;
    }

    private PdfPTable ledgerTable(PdfWriter writer, NotarialCertificate c) throws DocumentException, WriterException {
        PdfPTable facts = new PdfPTable(new float[] {1, 3});
        facts.setWidthPercentage(100);
        kit.monoPair(facts, "Record key", c.recordKey());
        kit.monoPair(facts, "Version", String.valueOf(c.version()));
        kit.monoPair(facts, "Record hash (SHA-256)", c.recordHash());
        kit.receiptRows(facts, c.receipt());
        return kit.withQrCode(writer, facts, c.verifyUrl(), "Scan to check a file against this document on the ledger");
    }

    private void footer(Document document, NotarialCertificate c) throws DocumentException {
        Paragraph verify = new Paragraph("", kit.small);
        verify.setSpacingBefore(14);
        verify.add(new Chunk("Check a file: ", kit.small));
        verify.add(new Chunk(c.verifyUrl(), kit.mono).setAnchor(c.verifyUrl()));
        document.add(verify);
        Paragraph page = new Paragraph("", kit.small);
        page.add(new Chunk("This notarisation: ", kit.small));
        page.add(new Chunk(c.pageUrl(), kit.mono).setAnchor(c.pageUrl()));
        document.add(page);
        Paragraph how = new Paragraph("The document SHA-256 identifies the exact file that was notarised: any file whose "
                + "SHA-256 is this value is that document, and any change to it gives another value. The ledger entry is "
                + "endorsed by the notaries' organisation and the Royal Audit Authority; the status printed here is "
                + "the one at the time of issue, and the verify page shows it as it is now.", kit.small);
        how.setSpacingBefore(4);
        document.add(how);
        Paragraph issued = new Paragraph("Issued " + PdfKit.UTC.format(c.issuedAt()), kit.small);
        issued.setSpacingBefore(4);
        document.add(issued);
    }
}
