package bt.druk.registry.interfaces.web.inspect;

import bt.druk.registry.domain.audit.ReconciliationFinding;
import bt.druk.registry.domain.audit.ReconciliationRun;
import bt.druk.registry.domain.audit.TamperKind;
import java.util.List;
import java.util.function.Function;

/**
 * The tamper report as CSV: one table of the run (times in ISO-8601 UTC, counts), a blank line, then
 * one table of findings (record key, version, kind, words, whether it is tampering of this portal's
 * records, database value, ledger value).
 */
public final class TamperReportCsv {

    private TamperReportCsv() {
    }

    public static String of(ReconciliationRun run, List<ReconciliationFinding> findings, Function<TamperKind, String> words) {
        StringBuilder csv = new StringBuilder();
        csv.append(Csv.row("run", "started_at", "finished_at", "started_by", "records_checked", "versions_checked",
                "ledger_records", "tamper_findings", "not_in_database"));
        csv.append(Csv.row(run.id(), run.startedAt(), run.finishedAt(), run.startedBy(), run.recordsChecked(),
                run.versionsChecked(), run.ledgerRecords(), run.tamperFindings(), run.notInDatabase()));
        csv.append("\r\n");
        csv.append(Csv.row("record_key", "version", "finding", "description", "tampering", "database_value", "ledger_value"));
        for (ReconciliationFinding f : findings) {
            csv.append(Csv.row(f.recordKey(), f.version(), f.kind().name(), words.apply(f.kind()), f.kind().isTampering(),
                    f.databaseValue(), f.ledgerValue()));
        }
        return csv.toString();
    }
}
