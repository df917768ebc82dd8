package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.application.record.ReceiptView;
import bt.druk.registry.domain.procurement.SealedBidRecord;
import bt.druk.registry.interfaces.web.Labels;
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
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Renders a tender's bid-opening report as PDF with OpenPDF (A4 landscape, as many pages as there
 * are bids): every sealed bid lodged with its ledger receipt, its verdict with the supplier and (if
 * valid) the price, "not opened yet" for the others, the opening lines, the award, and the tender
 * record's ledger hash with a QR code
 * that opens the tender's public page. Latin script only for now (the standard Helvetica font).
 */
public class BidOpeningReportRenderer {

    private static final Color INK = new Color(0x1f, 0x2a, 0x37);
    private static final Color SAFFRON = new Color(0xe8, 0x9a, 0x1c);
    private static final Color MAROON = new Color(0x8a, 0x1c, 0x1c);
    private static final Color RULE = new Color(0xd6, 0xd9, 0xde);
    private static final Color SHADE = new Color(0xf5, 0xf1, 0xe8);
    private static final Color GREY = new Color(0x55, 0x5f, 0x6b);

    private final Font title = PdfKit.bold(17, MAROON);
    private final Font subtitle = PdfKit.regular(9.5f, INK);
    private final Font heading = PdfKit.bold(10.5f, MAROON);
    private final Font label = PdfKit.bold(7.5f, GREY);
    private final Font value = PdfKit.regular(8.5f, INK);
    private final Font strong = PdfKit.bold(8.5f, INK);
    private final Font mono = PdfKit.monospaced(7f, INK);
    private final Font small = PdfKit.regular(7f, GREY);
    /** Grey rather than italic: one oblique font less to embed. */
    private final Font muted = PdfKit.regular(8f, GREY);

    public byte[] render(BidOpeningReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 44, 44, 40, 46);
        try {
            PdfWriter writer = PdfKit.archivalWriter(document, out);
            writer.setPageEvent(new Frame(r));
            document.addTitle("Bid-opening report " + r.tenderNumber());
            document.addSubject("Tender " + r.recordKey() + " version " + r.version());
            document.addCreator("Druk Registry");
            document.addKeywords("OCID " + r.ocid() + " hash " + r.ledgerHash());
            document.open();

            header(writer, document, r);
            section(document, "certificate.pdf.tender");
            document.add(tenderTable(r));
            section(document, "certificate.pdf.bids", r.bids().size(), r.validCount());
            if (r.bids().isEmpty()) {
                document.add(new Paragraph("No bid was lodged for this tender.", value));
            } else {
                document.add(bidsTable(r));
            }
            if (!r.openingLines().isEmpty()) {
                section(document, "certificate.pdf.openingLines");
                document.add(openingLinesTable(r));
            }
            // The heading stays with the award it announces: both in one borderless cell kept on one page.
            PdfPTable award = new PdfPTable(1);
            award.setWidthPercentage(100);
            award.setKeepTogether(true);
            PdfPCell both = new PdfPCell();
            both.setBorder(Rectangle.NO_BORDER);
            both.setPadding(0);
            both.addElement(PdfKit.heading(heading, "certificate.pdf.award"));
            Paragraph awarded = new Paragraph(award(r));
            awarded.setFont(value);
            both.addElement(awarded);
            award.addCell(both);
            document.add(award);
            section(document, "certificate.pdf.tenderLedgerRecord");
            document.add(ledgerTable(r));
            footer(document, r);
            PdfKit.archive(writer);
        } catch (DocumentException | WriterException e) {
            throw new IllegalStateException("could not render the bid-opening report of " + r.ocid(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    /** Title block, with the QR code that opens the tender's page top right (on the first page, where people look). */
    private void header(PdfWriter writer, Document document, BidOpeningReport r) throws DocumentException, WriterException {
        PdfPTable top = new PdfPTable(new float[] {1, 5, 1});
        top.setWidthPercentage(100);
        PdfPCell spacer = new PdfPCell();
        spacer.setBorder(Rectangle.NO_BORDER);
        top.addCell(spacer);

        PdfPCell middle = new PdfPCell();
        middle.setBorder(Rectangle.NO_BORDER);
        middle.setVerticalAlignment(Element.ALIGN_MIDDLE);
        Paragraph agencyDz = PdfKit.paragraph(PdfKit.dzongkha("certificate.pdf.kingdom") + "  ·  "
                + PdfKit.dzongkha("certificate.pdf.procurement"), label);
        agencyDz.setAlignment(Element.ALIGN_CENTER);
        middle.addElement(agencyDz);
        Paragraph agency = PdfKit.paragraph((PdfKit.english("certificate.pdf.kingdom") + "  ·  " + PdfKit.english("certificate.pdf.procurement")
                + "  ·  " + r.agency()).toUpperCase(Locale.ROOT), label);
        agency.setAlignment(Element.ALIGN_CENTER);
        middle.addElement(agency);
        Paragraph dz = PdfKit.paragraph(PdfKit.dzongkha("certificate.pdf.bidOpening"), title);
        dz.setAlignment(Element.ALIGN_CENTER);
        dz.setSpacingBefore(4);
        middle.addElement(dz);
        Paragraph t = PdfKit.paragraph(PdfKit.english("certificate.pdf.bidOpening"), title);
        t.setAlignment(Element.ALIGN_CENTER);
        middle.addElement(t);
        Paragraph s = new Paragraph("Druk Registry  ·  Tender " + r.tenderNumber() + "  ·  " + r.ocid(), subtitle);
        s.setAlignment(Element.ALIGN_CENTER);
        middle.addElement(s);
        top.addCell(middle);

        PdfPCell right = new PdfPCell();
        right.setBorder(Rectangle.NO_BORDER);
        Image qr = PdfQrCode.of(writer, r.verifyUrl(), 84);
        qr.setAlignment(Element.ALIGN_CENTER);
        right.addElement(qr);
        Paragraph caption = new Paragraph("Scan to open the tender and verify it on the ledger", small);
        caption.setAlignment(Element.ALIGN_CENTER);
        right.addElement(caption);
        top.addCell(right);
        document.add(top);
    }

    private void section(Document document, String key, Object... args) throws DocumentException {
        document.add(PdfKit.heading(heading, key, args));
    }

    private PdfPTable tenderTable(BidOpeningReport r) {
        PdfPTable table = new PdfPTable(new float[] {1.1f, 2.6f, 1.1f, 2.6f});
        table.setWidthPercentage(100);
        pair(table, "Tender number", r.tenderNumber(), value);
        pair(table, "OCID", r.ocid(), value);
        PdfPCell l = cell("Title", label);
        l.setBackgroundColor(SHADE);
        table.addCell(l);
        PdfPCell t = cell(r.title(), strong);
        t.setColspan(3);
        table.addCell(t);
        pair(table, "Procuring agency", r.agency(), value);
        pair(table, "Method / category", r.method() + " / " + r.category(), value);
        pair(table, "Estimated value", Labels.formatNgultrum(r.estimatedValue()), value);
        pair(table, "Status", r.status(), value);
        pair(table, "Bid deadline", Labels.formatBhutanTime(r.bidDeadline()) + "  (" + Labels.formatUtc(r.bidDeadline()) + ")", value);
        ReceiptView opened = r.opened();
        pair(table, "Bids opened", opened == null ? "Recorded; awaiting the ledger's receipt"
                : Labels.formatBhutanTime(opened.commitTime()) + "  (" + Labels.formatUtc(opened.commitTime()) + ")", value);
        pair(table, "Opening transaction", opened == null ? "—" : opened.txId(), mono);
        pair(table, "Opening block", opened == null || opened.blockNumber() < 0 ? "—" : String.valueOf(opened.blockNumber()), value);
        return table;
    }

    private PdfPTable bidsTable(BidOpeningReport r) {
        PdfPTable table = new PdfPTable(new float[] {0.4f, 2.0f, 1.1f, 2.0f, 0.6f, 1.5f, 0.9f, 1.9f, 2.2f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : new String[] {"No.", "Supplier commitment (SHA-256)", "Lodged (UTC)", "Lodging tx id", "Block", "Supplier",
                "Registration no.", "Price", "Opening receipt"}) {
            headerCell(table, h);
        }
        for (BidOpeningReport.Bid b : r.bids()) {
            table.addCell(cell(String.valueOf(b.number()), strong));
            table.addCell(cell(b.commitment(), mono));
            table.addCell(cell(Labels.formatUtc(b.lodgedAt()), value));
            if (b.lodging() != null) {
                table.addCell(cell(b.lodging().txId(), mono));
                table.addCell(cell(b.lodging().blockNumber() < 0 ? "—" : String.valueOf(b.lodging().blockNumber()), value));
            } else {
                PdfPCell note = cell(b.lodgingNote(), muted);
                note.setColspan(2);
                table.addCell(note);
            }
            if (b.valid() || b.invalidReason() != null) {
                table.addCell(cell(b.bidderName(), value));
                table.addCell(cell(b.bidderLicence(), value));
                if (b.valid()) {
                    PdfPCell price = cell(Labels.formatNgultrum(b.price()), strong);
                    price.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    table.addCell(price);
                } else {
                    table.addCell(cell("invalid: " + b.invalidReason(), strong));
                }
                table.addCell(b.opening() == null ? cell("Opened; awaiting the ledger's receipt", muted)
                        : cell("tx " + b.opening().txId() + "\nblock " + blockOf(b.opening()) + "  ·  "
                                + Labels.formatUtc(b.opening().commitTime()), mono));
            } else {
                PdfPCell none = cell(SealedBidRecord.WITHDRAWN.equals(b.status()) ? "withdrawn by its supplier before the deadline"
                        : "not opened yet — supplier and price unknown", muted);
                none.setColspan(4);
                table.addCell(none);
            }
        }
        return table;
    }

    /**
     * A sealed tender's verdicts, one {@code BidVerdict.line()} a row in bid-key string order:
     * exactly what {@code druk-verify open-tender} prints, so an auditor can diff the two.
     */
    private PdfPTable openingLinesTable(BidOpeningReport r) {
        PdfPTable table = new PdfPTable(new float[] {4.2f, 1.8f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        headerCell(table, "Verdict (as druk-verify open-tender prints it)");
        headerCell(table, "Supplier");
        for (BidOpeningReport.OpeningLine line : r.openingLines()) {
            table.addCell(cell(line.line(), mono));
            table.addCell(cell(line.supplierName() == null ? "—" : line.supplierName(), value));
        }
        PdfPCell how = cell("Redo the opening from the ledger alone: java -jar druk-verify.jar open-tender " + r.ocid()
                + " --ciphertexts DIR, and compare its output with these lines (also at /tenders/opening-lines?ocid="
                + r.ocid() + ").", small);
        how.setColspan(2);
        table.addCell(how);
        return table;
    }

    private Phrase award(BidOpeningReport r) {
        BidOpeningReport.Award a = r.award();
        Phrase p = new Phrase("", value);
        if (a == null) {
            p.add(new Chunk("Not awarded", strong));
            p.add(new Chunk("  (tender status: " + r.status() + ")", value));
            return p;
        }
        p.add(PdfKit.phrase("Awarded to bid " + a.bidNumber() + ": " + a.bidderName() + " (licence " + a.bidderLicence()
                + ") at " + Labels.formatNgultrum(a.price()), strong));
        if (a.receipt() != null) {
            p.add(new Chunk("\n", value));
            p.add(new Chunk("Award on the ledger " + Labels.formatUtc(a.receipt().commitTime()) + ", block "
                    + blockOf(a.receipt()) + ", tx ", value));
            p.add(new Chunk(a.receipt().txId(), mono));
        } else {
            p.add(new Chunk("  (awaiting the ledger's receipt)", muted));
        }
        return p;
    }

    private PdfPTable ledgerTable(BidOpeningReport r) {
        PdfPTable facts = new PdfPTable(new float[] {1, 5});
        facts.setWidthPercentage(100);
        facts.setKeepTogether(true);
        pair(facts, "Record key", r.recordKey(), mono);
        pair(facts, "Version", String.valueOf(r.version()), mono);
        pair(facts, "Ledger hash (SHA-256)", r.ledgerHash(), mono);
        PdfPCell how = cell("How to verify: the ledger hash is the SHA-256 of the tender version's canonical JSON (RFC 8785), "
                + "published at " + documentUrl(r, r.ledgerHash()) + " . Each bid was lodged on the ledger before the deadline as "
                + "the hash of its encrypted envelope (its tx id and block above); the opening lines can be redone from the "
                + "ledger alone with druk-verify open-tender. \"Verify on ledger\" on the tender's page "
                + "compares every version with the ledger, endorsed by the procuring agency and the Royal Audit Authority.", small);
        how.setColspan(2);
        facts.addCell(how);
        return facts;
    }

    private void footer(Document document, BidOpeningReport r) throws DocumentException {
        Paragraph url = new Paragraph("", small);
        url.setSpacingBefore(8);
        url.add(new Chunk("Verify at: ", small));
        url.add(new Chunk(r.verifyUrl(), mono).setAnchor(r.verifyUrl()));
        document.add(url);
        Paragraph issued = new Paragraph("Issued " + Labels.formatUtc(r.issuedAt()) + " from the public record; prices appear "
                + "only for bids opened as valid after the deadline.", small);
        document.add(issued);
    }

    /** The verify URL's site root + the public document of a hash (both printed; the QR holds the page). */
    private static String documentUrl(BidOpeningReport r, String hash) {
        String base = r.verifyUrl();
        int tenders = base.indexOf("/tenders/");
        return (tenders < 0 ? "" : base.substring(0, tenders)) + "/records/documents/" + hash + ".json";
    }

    private static String blockOf(ReceiptView receipt) {
        return receipt.blockNumber() < 0 ? "—" : String.valueOf(receipt.blockNumber());
    }

    private void pair(PdfPTable table, String name, String text, Font font) {
        PdfPCell l = cell(name, label);
        l.setBackgroundColor(SHADE);
        table.addCell(l);
        table.addCell(cell(text, font));
    }

    private void headerCell(PdfPTable table, String text) {
        PdfPCell cell = cell(text, label);
        cell.setBackgroundColor(SHADE);
        table.addCell(cell);
    }

    private PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(PdfKit.phrase(text == null || text.isEmpty() ? "—" : text, font));
        cell.setBorderColor(RULE);
        cell.setPadding(4);
        return cell;
    }

    /** Border and "tender · page n" on every page. */
    private final class Frame extends PdfPageEventHelper {

        private final BidOpeningReport report;

        Frame(BidOpeningReport report) {
            this.report = report;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContentUnder();
            Rectangle page = document.getPageSize();
            canvas.setColorStroke(SAFFRON);
            canvas.setLineWidth(3);
            canvas.rectangle(20, 20, page.getWidth() - 40, page.getHeight() - 40);
            canvas.stroke();
            canvas.setColorStroke(MAROON);
            canvas.setLineWidth(0.8f);
            canvas.rectangle(26, 26, page.getWidth() - 52, page.getHeight() - 52);
            canvas.stroke();
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT,
                    new Phrase("Bid-opening report " + report.tenderNumber() + "  ·  page " + writer.getPageNumber(), small),
                    page.getWidth() - 44, 31, 0);
        }
    }
}
