package bt.druk.registry.interfaces.web.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.procurement.BidView;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.ReceiptView;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.procurement.BidReading;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.ProcuringEntity;
import bt.druk.registry.domain.procurement.SealedBidRecord;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderEvent;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.procurement.TenderOperation;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.procurement.sealed.BidVerdict;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.interfaces.web.support.PdfProbe;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Sealed bids (issue 25) as the readers see them: the bid view, the tender's opening lines, the
 * bid-opening report and {@code /tenders/opening-lines}. Each bid is a real {@link SealedBidRecord}
 * lodged, then opened, and read back from its JSON the way the queries read it.
 */
class SealedBidReadersTest {

    private static final String OCID = "ocds-drk001-2026-0031";
    private static final String KEY = "tender:" + OCID;
    private static final Instant LODGED = Instant.parse("2026-03-10T10:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-03-15T06:00:00Z");
    private static final Instant OPENED = Instant.parse("2026-03-15T07:00:00Z");

    private static ReceiptView receipt(String tx, long block, Instant at) {
        return new ReceiptView(tx, block, at, List.of("AuditMSP", "ProcurementMSP"));
    }

    private static VersionView version(String key, int n, String operation, Instant at) {
        String hash = Integer.toHexString(key.hashCode() & 0xffff).repeat(16).substring(0, 60) + "000" + n;
        return new VersionView(key, n, operation, "Fn", at, "procurement.clerk", "THIMPHU", hash, hash, null,
                LedgerState.COMMITTED, null, null, receipt("tx" + n + hash.substring(3), 40 + n, at));
    }

    private static SealedBidRecord lodged(int n) {
        return SealedBidRecord.lodge(BidKeys.of(OCID, n), KEY, String.valueOf((char) ('a' + n % 6)).repeat(64),
                List.of("1".repeat(64), "2".repeat(64), "3".repeat(64)), "c".repeat(63) + n % 10, LODGED.plusSeconds(n));
    }

    private static BidVerdict valid(int n, String supplierId, String price) {
        return new BidVerdict(BidKeys.of(OCID, n).toString(), BidVerdict.Kind.VALID,
                new SealedBidContent(OCID, supplierId, price, "BTN", List.of()), null, null);
    }

    /** The bid as ProcurementQueries shows it: its record's JSON read back, with its versions. */
    private static BidView view(SealedBidRecord bid) {
        RecordKey key = bid.key();
        List<VersionView> versions = new ArrayList<>();
        versions.add(version(key.toString(), 1, "BID_LODGED", bid.lodgedAt()));
        if (!bid.isLodged()) {
            versions.add(version(key.toString(), 2, bid.status().equals(SealedBidRecord.OPENED) ? "BID_OPENED"
                    : bid.status().equals(SealedBidRecord.INVALID) ? "BID_INVALID" : "BID_WITHDRAWN", bid.changedAt()));
        }
        return BidView.of(BidReading.of(key, bid.toJson()), LedgerState.COMMITTED, versions);
    }

    private static TenderView tender(boolean opened, List<BidView> bids) {
        TenderOpening opening = new TenderOpening(2, List.of(
                new TenderOpening.Holder(1, "ProcurementMSP", "opening officer", "AAAA", "4".repeat(64)),
                new TenderOpening.Holder(2, "AuditMSP", "inspector", "BBBB", "5".repeat(64))));
        Tender tender = new Tender(OCID, "DES/2026/031", "Thimphu water mains", "2 km of mains",
                new ProcuringEntity("DES", "Department of Engineering Services"), ProcurementMethod.OPEN, MainCategory.WORKS,
                new BigDecimal("5000000.00"), null, DEADLINE, List.of(), List.of(),
                opened ? TenderStatus.EVALUATION : TenderStatus.ACTIVE_TENDERING, null, null, LODGED,
                new TenderEvent(opened ? TenderOperation.OPEN_BIDS : TenderOperation.PUBLISH, null, OPENED, "procurement.clerk",
                        "THIMPHU"), opening);
        List<VersionView> versions = new ArrayList<>();
        versions.add(version(KEY, 1, "PUBLISH", LODGED.minusSeconds(86400)));
        if (opened) {
            versions.add(version(KEY, 2, "OPEN_BIDS", OPENED));
        }
        return new TenderView(tender, KEY, versions.size(), versions.get(versions.size() - 1).hash(), LedgerState.COMMITTED, true,
                opened, versions, bids);
    }

    /** Bids 1, 2 and 10 (so that key order, 1 10 2, is not number order), 10 invalid, 3 withdrawn. */
    private static List<BidView> openedBids() {
        return List.of(
                view(lodged(1).open(valid(1, "CDB-2026-0101", "1250000.00"), "CDB-2026-0101", "Yangphel Builders", "salt-1",
                        OPENED)),
                view(lodged(2).open(valid(2, "CDB-2026-0202", "1199000.50"), "CDB-2026-0202", "Pelden Works", "salt-2", OPENED)),
                view(lodged(3).withdraw(LODGED.plusSeconds(3600))),
                view(lodged(10).open(new BidVerdict(BidKeys.of(OCID, 10).toString(), BidVerdict.Kind.INVALID, null, "hash-mismatch",
                        "the envelope hashes to 00ff"), "CDB-2026-0303", "Tashi Traders", "salt-10", OPENED)));
    }

    @Test
    void beforeTheOpeningASealedBidShowsNeitherSupplierNorPriceAndHasNoLines() {
        BidView bid = view(lodged(1));
        assertEquals("sealed", bid.statusCode());
        assertFalse(bid.valid());
        assertFalse(bid.named());
        assertNull(bid.bidderName());
        assertNull(bid.bidderLicence());
        assertNull(bid.amount());
        assertNull(bid.sealedPart().verdictLine());
        assertEquals("a".repeat(64).replace('a', 'b'), bid.sealedPart().envelopeSha256(), "bid 1's envelope hash");
        assertEquals(3, bid.sealedPart().shareHashes().size());

        TenderView open = tender(false, List.of(bid));
        assertFalse(open.openingComplete());
        assertEquals(0, open.openedCount());
        OpeningLinesServlet.Answer answer = OpeningLinesServlet.answer(Optional.of(open));
        assertEquals(409, answer.status());
        assertTrue(answer.body().contains("not all opened"), answer.body());
        assertTrue(BidOpeningReports.of(open, s -> s.ledgerCode(), "https://x/", OPENED).isEmpty(), "no report before the opening");
    }

    @Test
    void afterTheOpeningEachBidShowsItsVerdictSupplierAndPriceOrReason() {
        List<BidView> bids = openedBids();
        BidView valid = bids.get(0);
        assertEquals("opened", valid.statusCode());
        assertTrue(valid.valid());
        assertEquals("Yangphel Builders", valid.bidderName());
        assertEquals("CDB-2026-0101", valid.bidderLicence());
        assertEquals(new BigDecimal("1250000.00"), valid.amount());
        BidView withdrawn = bids.get(2);
        assertEquals("withdrawn", withdrawn.statusCode());
        assertFalse(withdrawn.named());
        BidView invalid = bids.get(3);
        assertEquals("invalid", invalid.statusCode());
        assertFalse(invalid.valid());
        assertNull(invalid.amount());
        assertEquals("Tashi Traders", invalid.bidderName());
        assertEquals("hash-mismatch", invalid.sealedPart().reason());
        assertEquals("the envelope hashes to 00ff", invalid.sealedPart().detail());
    }

    @Test
    void theOpeningLinesAreTheVerdictLinesInBidKeyStringOrderOnceEveryBidNotWithdrawnIsOpened() {
        TenderView t = tender(true, openedBids());
        assertTrue(t.openingComplete());
        assertEquals(List.of(BidKeys.of(OCID, 1).toString(), BidKeys.of(OCID, 10).toString(), BidKeys.of(OCID, 2).toString()),
                t.openedBids().stream().map(BidView::recordKey).toList(), "key order, the withdrawn bid left out");
        String expected = "bid:" + OCID + ":1 valid 1250000.00 BTN\n"
                + "bid:" + OCID + ":10 invalid hash-mismatch\n"
                + "bid:" + OCID + ":2 valid 1199000.50 BTN\n";
        OpeningLinesServlet.Answer answer = OpeningLinesServlet.answer(Optional.of(t));
        assertEquals(200, answer.status());
        assertEquals(expected, answer.body());

        List<BidView> oneWaiting = new ArrayList<>(openedBids());
        oneWaiting.add(view(lodged(4)));
        assertEquals(409, OpeningLinesServlet.answer(Optional.of(tender(true, oneWaiting))).status());
        assertEquals(404, OpeningLinesServlet.answer(Optional.empty()).status());
    }

    @Test
    void theReportPrintsEveryVerdictLineWithItsSupplierInTheTendersOpeningOrder() throws Exception {
        TenderView t = tender(true, openedBids());
        BidOpeningReport report = BidOpeningReports.of(t, s -> s.ledgerCode(),
                "https://registry.example.bt/tenders/tender.xhtml?ocid=" + OCID, OPENED.plusSeconds(60)).orElseThrow();
        assertEquals(t.openingLines(), report.openingLines().stream().map(BidOpeningReport.OpeningLine::line).toList(),
                "the lines /tenders/opening-lines serves, in its order");
        assertEquals(List.of(
                new BidOpeningReport.OpeningLine("bid:" + OCID + ":1 valid 1250000.00 BTN", "Yangphel Builders"),
                new BidOpeningReport.OpeningLine("bid:" + OCID + ":10 invalid hash-mismatch", "Tashi Traders"),
                new BidOpeningReport.OpeningLine("bid:" + OCID + ":2 valid 1199000.50 BTN", "Pelden Works")), report.openingLines());

        String text = PdfProbe.text(new BidOpeningReportRenderer().render(report));
        int previous = -1;
        for (BidOpeningReport.OpeningLine line : report.openingLines()) {
            int at = text.indexOf(line.line());
            assertTrue(at > previous, "the exact line, in order: " + line.line() + "\n" + text);
            previous = at;
        }
        assertTrue(text.contains("Tashi Traders"));
        assertTrue(text.replaceAll("\\s+", "").contains("invalid:hash-mismatch"), "the reason in the bids table (a narrow cell)");
        assertTrue(text.contains("Nu. 1,250,000.00"));
        assertTrue(text.contains("withdrawn by its supplier"));
    }
}
