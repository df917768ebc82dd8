package bt.druk.registry.interfaces.web.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.procurement.BidView;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.ReceiptView;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.ProcuringEntity;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderEvent;
import bt.druk.registry.domain.procurement.TenderOperation;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.interfaces.web.support.PdfProbe;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BidOpeningReportRendererTest {

    private static final String OCID = "ocds-drk001-2026-0007";
    private static final String KEY = "tender:" + OCID;
    private static final String URL = "http://127.0.0.1:18080/druk-registry/tenders/tender.xhtml?ocid=" + OCID;
    private static final Instant PUBLISHED = Instant.parse("2026-03-01T04:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-03-15T06:00:00Z");
    private static final Instant OPENED = Instant.parse("2026-03-15T06:30:05Z");
    private static final String TENDER_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String OPEN_TX = "0a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728a1";
    private static final String AWARD_TX = "f0e0d0c0b0a090807060504030201000f0e0d0c0b0a09080706050403020100a";

    private static String hex(char c) {
        return String.valueOf(c).repeat(64);
    }

    private static ReceiptView receipt(String txId, long block, Instant at) {
        return new ReceiptView(txId, block, at, List.of("AuditMSP", "ProcurementMSP"));
    }

    private static VersionView version(String key, int number, String operation, String hash, LedgerState state,
            ReceiptView receipt, String rejectionCode) {
        return new VersionView(key, number, operation, "Fn", receipt == null ? PUBLISHED : receipt.commitTime(), "procurement.clerk",
                "THIMPHU", hash, hash, null, state, rejectionCode, null, receipt);
    }

    /** Bid n: commitment all 'c'+n, lodging tx all 'l'..; valid ones opened with bidder, price and a committed opening. */
    private static BidView bid(int n, String commitment, boolean valid, String bidder, String licence, String price) {
        String key = "bid:" + OCID + ":" + n;
        ReceiptView lodging = receipt(hex((char) ('0' + n)).substring(0, 60) + "aaaa", 40 + n, Instant.parse("2026-03-10T10:00:00Z").plusSeconds(n));
        List<VersionView> versions = new ArrayList<>();
        versions.add(version(key, 1, "BID_LODGED", commitment, LedgerState.COMMITTED, lodging, null));
        if (valid) {
            versions.add(version(key, 2, "BID_OPENED", hex('e'), LedgerState.COMMITTED,
                    receipt("5eed" + hex('5').substring(4), 60 + n, OPENED.plusSeconds(600 + n)), null));
        }
        BigDecimal amount = price == null ? null : new BigDecimal(price).setScale(2);
        return new BidView(key, KEY, n, commitment, lodging.commitTime(), valid, bidder, licence, amount, LedgerState.COMMITTED,
                versions, new BidView.SealedPart(valid ? "opened" : "lodged", hex('d'), List.of(), null, null,
                        valid ? key + " valid " + amount.toPlainString() + " BTN" : null, List.of()));
    }

    private static TenderView view(TenderStatus status, String awardedBidKey, boolean withOpening, boolean withBids) {
        Tender tender = new Tender(OCID, "DES/2026/007", "Construction of the Wangdue bridge approach road",
                "Two lanes, 1.2 km", new ProcuringEntity("DES", "Department of Engineering Services"), ProcurementMethod.OPEN,
                MainCategory.WORKS, new BigDecimal("12500000.00"), null, DEADLINE, List.of(), List.of(), status, awardedBidKey,
                null, PUBLISHED, new TenderEvent(TenderOperation.AWARD, null, OPENED, "procurement.clerk", "THIMPHU"), null);
        List<VersionView> versions = new ArrayList<>();
        versions.add(version(KEY, 1, "PUBLISH", hex('1'), LedgerState.COMMITTED, receipt(hex('7'), 12, PUBLISHED), null));
        if (withOpening) {
            versions.add(version(KEY, 2, "OPEN_BIDS", hex('2'), LedgerState.REJECTED, null, "EARLY_OPENING"));
            versions.add(version(KEY, 2, "OPEN_BIDS", hex('3'), LedgerState.COMMITTED, receipt(OPEN_TX, 55, OPENED), null));
        }
        if (awardedBidKey != null) {
            versions.add(version(KEY, 3, "AWARD", TENDER_HASH, LedgerState.COMMITTED,
                    receipt(AWARD_TX, 77, OPENED.plusSeconds(3600)), null));
        }
        List<BidView> bids = withBids ? List.of(
                bid(2, hex('b'), false, null, null, null),
                bid(1, hex('a'), true, "Druk Builders Pvt. Ltd.", "CDB-1234", "11980000.50"),
                bid(3, hex('c'), true, "Tashi Construction", "CDB-0042", "12100000")) : List.of();
        return new TenderView(tender, KEY, versions.size(), TENDER_HASH, LedgerState.COMMITTED, true, true, versions, bids);
    }

    private static BidOpeningReport report(TenderView view) {
        return BidOpeningReports.of(view, s -> s.ledgerCode(), URL, Instant.parse("2026-03-16T08:00:00Z")).orElseThrow();
    }

    @Test
    void listsEveryBidOpenedOrNotWithReceiptsAndTheAward() throws Exception {
        byte[] pdf = new BidOpeningReportRenderer().render(report(view(TenderStatus.AWARDED, "bid:" + OCID + ":1", true, true)));
        Path out = Path.of(System.getProperty("druk.build.dir", "target"), "bid-opening-report-sample.pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, pdf);

        assertTrue(PdfProbe.isPdf(pdf));
        String text = PdfProbe.text(pdf);
        String compact = text.replaceAll("\\s+", "");
        assertTrue(text.contains("Bid-Opening Report"), text);
        assertTrue(text.contains("DES/2026/007"));
        assertTrue(text.contains(OCID));
        assertTrue(text.contains("Construction of the Wangdue bridge approach road"));
        assertTrue(text.contains("Department of Engineering Services"));
        assertTrue(text.contains("Nu. 12,500,000.00"), "estimated value with thousands separators");
        assertTrue(text.contains("2026-03-15 12:00 BTT"), "deadline in Bhutan time");
        assertTrue(text.contains("2026-03-15 06:00:00 UTC"), "and in UTC");
        assertTrue(text.contains("2026-03-15 12:30 BTT"), "when the ledger recorded the opening");
        assertTrue(compact.contains(OPEN_TX), "the opening's transaction");
        assertFalse(compact.contains(hex('2')), "not the refused opening attempt");

        for (char c : new char[] {'a', 'b', 'c'}) {
            assertTrue(compact.contains(hex(c)), "every bid, opened or not: " + c);
        }
        assertTrue(text.contains("Sealed bids lodged: 3, opened as valid: 2".toUpperCase()));
        assertTrue(text.contains("Druk Builders Pvt. Ltd."));
        assertTrue(text.contains("CDB-1234"));
        assertTrue(text.contains("Nu. 11,980,000.50"));
        assertTrue(text.contains("Tashi Construction"));
        assertTrue(text.contains("Nu. 12,100,000.00"));
        assertTrue(text.contains("not opened yet"));
        assertTrue(compact.contains("5eed" + hex('5').substring(4)), "opening receipts");
        assertTrue(text.indexOf("CDB-1234") < text.indexOf("not opened yet") && text.indexOf("not opened yet") < text.indexOf("CDB-0042"),
                "bids in number order");

        assertTrue(text.contains("Awarded to bid 1: Druk Builders Pvt. Ltd. (licence CDB-1234) at Nu. 11,980,000.50"), text);
        assertTrue(compact.contains(AWARD_TX));
        assertTrue(compact.contains(TENDER_HASH), "the tender record's ledger hash");
        assertTrue(compact.contains("/records/documents/" + TENDER_HASH + ".json"), "where to get the hashed JSON");
        assertTrue(text.contains("How to verify"));
        assertEquals(URL, PdfProbe.qrText(pdf));
    }

    @Test
    void anOpenedTenderWithoutValidBidsOrAwardSaysSo() throws Exception {
        TenderView view = view(TenderStatus.EVALUATION, null, true, true);
        List<BidView> sealed = view.bids().stream().map(b -> bid(b.number(), b.commitment(), false, null, null, null)).toList();
        TenderView unopened = new TenderView(view.tender(), view.recordKey(), view.version(), view.hash(), view.ledgerState(),
                true, true, view.versions(), sealed);
        String text = PdfProbe.text(new BidOpeningReportRenderer().render(report(unopened)));
        assertTrue(text.contains("Not awarded"));
        assertFalse(text.contains("Nu. 11,980,000.50"), "no price for a sealed bid");
        assertEquals(3, text.split("not opened yet", -1).length - 1, "each sealed bid marked");
    }

    @Test
    void aTenderWithNoBidsStillHasAReport() throws Exception {
        String text = PdfProbe.text(new BidOpeningReportRenderer().render(report(view(TenderStatus.EVALUATION, null, true, false))));
        assertTrue(text.contains("No bid was lodged for this tender."));
    }

    @Test
    void noReportBeforeTheBidsAreOpened() {
        assertEquals(Optional.empty(), BidOpeningReports.of(view(TenderStatus.ACTIVE_TENDERING, null, false, true),
                s -> s.ledgerCode(), URL, Instant.now()));
    }

    @Test
    void manyBidsRunOverSeveralPagesWithTheirHeader() throws Exception {
        TenderView view = view(TenderStatus.EVALUATION, null, true, false);
        List<BidView> bids = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            bids.add(bid(n, String.format("%064x", n), n % 2 == 0, n % 2 == 0 ? "Bidder " + n : null, n % 2 == 0 ? "L-" + n : null,
                    n % 2 == 0 ? String.valueOf(1_000_000 + n) : null));
        }
        TenderView many = new TenderView(view.tender(), view.recordKey(), view.version(), view.hash(), view.ledgerState(), true,
                true, view.versions(), bids);
        byte[] pdf = new BidOpeningReportRenderer().render(report(many));
        assertTrue(PdfProbe.pages(pdf) > 1);
        String compact = PdfProbe.text(pdf).replaceAll("\\s+", "");
        assertTrue(compact.contains(String.format("%064x", 40)), "the last commitment");
        assertTrue(compact.contains("Bidder40"));
    }

    @Test
    void aBidderNamedInDzongkhaDoesNotStopTheReport() throws Exception {
        // Tibetan glyphs need an embedded font (another issue); the report must still come out with everything else.
        TenderView view = view(TenderStatus.EVALUATION, null, true, false);
        TenderView withDzongkha = new TenderView(view.tender(), view.recordKey(), view.version(), view.hash(), view.ledgerState(),
                true, true, view.versions(), List.of(bid(1, hex('a'), true, "\u0f60\u0f56\u0fb2\u0f74\u0f42 Druk Builders", "CDB-1234",
                        "100")));
        String text = PdfProbe.text(new BidOpeningReportRenderer().render(report(withDzongkha)));
        assertTrue(text.contains("Druk Builders"));
        assertTrue(text.contains("Nu. 100.00"));
    }
}
