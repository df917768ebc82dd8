package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.domain.audit.ReconciliationFinding;
import bt.druk.registry.domain.audit.ReconciliationRun;
import bt.druk.registry.domain.audit.TamperKind;
import bt.druk.registry.interfaces.web.Labels;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
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
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Renders a tamper report run as PDF with OpenPDF (A4 landscape, in the look of the bid-opening
 * report): the run's times and counts, this portal's discrepancies with the database and ledger
 * values, then the ledger's records this database does not know. Latin script only (Helvetica).
 */
public class TamperReportRenderer {

    private static final Color INK = new Color(0x1f, 0x2a, 0x37);
    private static final Color SAFFRON = new Color(0xe8, 0x9a, 0x1c);
    private static final Color MAROON = new Color(0x8a, 0x1c, 0x1c);
    private static final Color RULE = new Color(0xd6, 0xd9, 0xde);
    private static final Color SHADE = new Color(0xf5, 0xf1, 0xe8);
    private static final Color GREY = new Color(0x55, 0x5f, 0x6b);
    private static final Color RED = new Color(0xb4, 0x23, 0x18);

    private final Font title = new Font(Font.HELVETICA, 18, Font.BOLD, MAROON);
    private final Font subtitle = new Font(Font.HELVETICA, 10, Font.NORMAL, INK);
    private final Font heading = new Font(Font.HELVETICA, 11, Font.BOLD, MAROON);
    private final Font label = new Font(Font.HELVETICA, 8, Font.BOLD, GREY);
    private final Font value = new Font(Font.HELVETICA, 9, Font.NORMAL, INK);
    private final Font alarm = new Font(Font.HELVETICA, 9, Font.BOLD, RED);
    private final Font mono = new Font(Font.COURIER, 7.5f, Font.NORMAL, INK);
    private final Font small = new Font(Font.HELVETICA, 7.5f, Font.NORMAL, GREY);

    public byte[] render(ReconciliationRun run, List<ReconciliationFinding> findings, Function<TamperKind, String> words,
                         Instant issuedAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 44, 44, 40, 46);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Frame(run.id()));
            document.addTitle("Tamper report, run " + run.id());
            document.addSubject("Reconciliation of the portal's database with the ledger");
            document.addCreator("Druk Registry");
            document.open();

            Paragraph agency = new Paragraph("KINGDOM OF BHUTAN  ·  DRUK REGISTRY  ·  INSPECTION", label);
            agency.setAlignment(Element.ALIGN_CENTER);
            document.add(agency);
            Paragraph t = new Paragraph("Tamper Report", title);
            t.setAlignment(Element.ALIGN_CENTER);
            document.add(t);
            Paragraph s = new Paragraph("Every record version of the portal's database reconciled with the ledger  ·  run "
                    + run.id(), subtitle);
            s.setAlignment(Element.ALIGN_CENTER);
            document.add(s);

            document.add(heading("Run"));
            document.add(runTable(run));

            List<ReconciliationFinding> tamper = findings.stream().filter(f -> f.kind().isTampering()).toList();
            List<ReconciliationFinding> unknown = findings.stream().filter(f -> !f.kind().isTampering()).toList();
            document.add(heading("Discrepancies of this portal's records: " + tamper.size()));
            if (tamper.isEmpty()) {
                document.add(new Paragraph("None: every record version of the database matches the ledger.", value));
            } else {
                document.add(findingsTable(tamper, words));
            }
            document.add(heading("On the ledger, not in this portal's database: " + unknown.size()));
            document.add(new Paragraph("Records of other portals that share this ledger appear here; they are not "
                    + "tampering of this portal's records.", small));
            if (!unknown.isEmpty()) {
                document.add(findingsTable(unknown, words));
            }
            Paragraph issued = new Paragraph("Issued " + Labels.formatUtc(issuedAt) + ". Database value: what the portal's "
                    + "database holds now (for an edited row, the SHA-256 its stored document hashes to now); ledger value: "
                    + "what the ledger holds for that version.", small);
            issued.setSpacingBefore(8);
            document.add(issued);
        } catch (DocumentException e) {
            throw new IllegalStateException("could not render the tamper report of run " + run.id(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    private Paragraph heading(String name) {
        Paragraph p = new Paragraph(name.toUpperCase(Locale.ROOT), heading);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    private PdfPTable runTable(ReconciliationRun run) {
        PdfPTable table = new PdfPTable(new float[] {1.2f, 2.4f, 1.2f, 2.4f});
        table.setWidthPercentage(100);
        pair(table, "Started", Labels.formatUtc(run.startedAt()), value);
        pair(table, "Finished", Labels.formatUtc(run.finishedAt()), value);
        pair(table, "Started by", run.startedBy(), value);
        pair(table, "Records checked", String.valueOf(run.recordsChecked()), value);
        pair(table, "Versions checked", String.valueOf(run.versionsChecked()), value);
        pair(table, "Ledger records listed", String.valueOf(run.ledgerRecords()), value);
        pair(table, "Discrepancies", String.valueOf(run.tamperFindings()), run.tamperFindings() > 0 ? alarm : value);
        pair(table, "Not in this database", String.valueOf(run.notInDatabase()), value);
        return table;
    }

    private PdfPTable findingsTable(List<ReconciliationFinding> findings, Function<TamperKind, String> words) {
        PdfPTable table = new PdfPTable(new float[] {2.4f, 0.6f, 2.2f, 2.6f, 2.6f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : new String[] {"Record key", "Version", "Finding", "Database value", "Ledger value"}) {
            PdfPCell cell = cell(h, label);
            cell.setBackgroundColor(SHADE);
            table.addCell(cell);
        }
        for (ReconciliationFinding f : findings) {
            table.addCell(cell(f.recordKey(), mono));
            table.addCell(cell(f.version() == null ? "—" : String.valueOf(f.version()), value));
            table.addCell(cell(words.apply(f.kind()), f.kind().isTampering() ? alarm : value));
            table.addCell(cell(f.databaseValue(), mono));
            table.addCell(cell(f.ledgerValue(), mono));
        }
        return table;
    }

    private void pair(PdfPTable table, String name, String text, Font font) {
        PdfPCell l = cell(name, label);
        l.setBackgroundColor(SHADE);
        table.addCell(l);
        table.addCell(cell(text, font));
    }

    private PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null || text.isEmpty() ? "—" : text, font));
        cell.setBorderColor(RULE);
        cell.setPadding(4);
        return cell;
    }

    /** Border and "tamper report run n · page n" on every page. */
    private final class Frame extends PdfPageEventHelper {

        private final long runId;

        Frame(long runId) {
            this.runId = runId;
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
                    new Phrase("Tamper report run " + runId + "  ·  page " + writer.getPageNumber(), small),
                    page.getWidth() - 44, 31, 0);
        }
    }
}
