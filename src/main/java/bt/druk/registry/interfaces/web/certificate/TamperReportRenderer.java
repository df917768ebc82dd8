package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.domain.audit.ReconciliationFinding;
import bt.druk.registry.domain.audit.ReconciliationRun;
import bt.druk.registry.domain.audit.TamperKind;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Renders a tamper report run as PDF with OpenPDF and the certificates' {@link PdfKit} (A4
 * landscape, as many pages as there are findings): the run's times and counts, this portal's
 * discrepancies with the database and ledger values, then the ledger's records this database does
 * not know. Latin script only (Helvetica, Courier).
 */
public class TamperReportRenderer {

    private final PdfKit kit = new PdfKit();

    public byte[] render(ReconciliationRun run, List<ReconciliationFinding> findings, Function<TamperKind, String> words,
                         Instant issuedAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 44, 44, 40, 46);
        try {
            PdfWriter writer = PdfKit.archivalWriter(document, out);
            writer.setPageEvent(new Frame(run.id()));
            document.addTitle("Tamper report, run " + run.id());
            document.addSubject("Reconciliation of the portal's database with the ledger");
            document.addCreator("Druk Registry");
            document.open();

            document.add(kit.centred("KINGDOM OF BHUTAN  ·  DRUK REGISTRY  ·  INSPECTION", kit.label));
            kit.title(document, "certificate.pdf.tamperReport");
            document.add(kit.centred("Every record version of the portal's database reconciled with the ledger  ·  run "
                    + run.id(), kit.subtitle));

            kit.section(document, "certificate.pdf.run");
            document.add(runTable(run));

            List<ReconciliationFinding> tamper = findings.stream().filter(f -> f.kind().isTampering()).toList();
            List<ReconciliationFinding> unknown = findings.stream().filter(f -> !f.kind().isTampering()).toList();
            kit.section(document, "certificate.pdf.discrepancies", tamper.size());
            if (tamper.isEmpty()) {
                document.add(new Paragraph("None: every record version of the database matches the ledger.", kit.value));
            } else {
                document.add(findingsTable(tamper, words));
            }
            kit.section(document, "certificate.pdf.unknownOnLedger", unknown.size());
            document.add(new Paragraph("Records of other portals that share this ledger appear here; they are not "
                    + "tampering of this portal's records.", kit.small));
            if (!unknown.isEmpty()) {
                document.add(findingsTable(unknown, words));
            }
            Paragraph issued = new Paragraph("Issued " + PdfKit.UTC.format(issuedAt) + ". Database value: what the portal's "
                    + "database holds now (for an edited row, the SHA-256 its stored document hashes to now); ledger value: "
                    + "what the ledger holds for that version.", kit.small);
            issued.setSpacingBefore(8);
            document.add(issued);
            PdfKit.archive(writer);
        } catch (DocumentException e) {
            throw new IllegalStateException("could not render the tamper report of run " + run.id(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    private PdfPTable runTable(ReconciliationRun run) {
        PdfPTable table = new PdfPTable(new float[] {1.2f, 2.4f, 1.2f, 2.4f});
        table.setWidthPercentage(100);
        kit.pair(table, "Started", PdfKit.UTC.format(run.startedAt()));
        kit.pair(table, "Finished", run.finishedAt() == null ? "—" : PdfKit.UTC.format(run.finishedAt()));
        kit.pair(table, "Started by", run.startedBy());
        kit.pair(table, "Records checked", String.valueOf(run.recordsChecked()));
        kit.pair(table, "Versions checked", String.valueOf(run.versionsChecked()));
        kit.pair(table, "Ledger records listed", String.valueOf(run.ledgerRecords()));
        kit.pair(table, "Discrepancies", String.valueOf(run.tamperFindings()));
        kit.pair(table, "Not in this database", String.valueOf(run.notInDatabase()));
        return table;
    }

    private PdfPTable findingsTable(List<ReconciliationFinding> findings, Function<TamperKind, String> words) {
        PdfPTable table = new PdfPTable(new float[] {2.4f, 0.6f, 2.2f, 2.6f, 2.6f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : new String[] {"Record key", "Version", "Finding", "Database value", "Ledger value"}) {
            kit.headerCell(table, h);
        }
        for (ReconciliationFinding f : findings) {
            table.addCell(kit.cell(f.recordKey(), kit.mono));
            table.addCell(kit.cell(f.version() == null ? "—" : String.valueOf(f.version()), kit.value));
            table.addCell(kit.cell(words.apply(f.kind()), f.kind().isTampering() ? kit.warning : kit.value));
            table.addCell(kit.cell(f.databaseValue(), kit.mono));
            table.addCell(kit.cell(f.ledgerValue(), kit.mono));
        }
        return table;
    }

    /** The certificates' border and "tamper report run n · page n" on every page. */
    private final class Frame extends PdfPageEventHelper {

        private final long runId;

        Frame(long runId) {
            this.runId = runId;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            kit.border(writer);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT,
                    new Phrase("Tamper report run " + runId + "  ·  page " + writer.getPageNumber(), kit.small),
                    document.getPageSize().getWidth() - 44, 33, 0);
        }
    }
}
