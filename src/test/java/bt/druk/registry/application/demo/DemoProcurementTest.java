package bt.druk.registry.application.demo;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static bt.druk.registry.testing.PortalHarness.PROCUREMENT_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.demo.DemoTender.DemoBid;
import bt.druk.registry.application.demo.DemoTender.Outcome;
import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.procurement.BidView;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.SealedBid;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.testing.InMemoryDemoProcurementRepository;
import bt.druk.registry.testing.InMemoryDemoRecordRepository;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoProcurementTest {

    private final PortalHarness h = new PortalHarness();
    private final InMemoryDemoRecordRepository demoRecords = new InMemoryDemoRecordRepository();
    private final InMemoryDemoProcurementRepository demoItems = new InMemoryDemoProcurementRepository();
    private final DemoTenderPlan plan = DemoTenderPlan.standard();
    private static final DemoPlan NO_PARCELS = new DemoPlan(List.of());

    /** A fresh loader over the same database and ledger, as after a restart of the portal. */
    private DemoContentLoader newLoader(DemoPlan land) {
        DemoContent content = new DemoContent(h.land, h.queries, h.parcels, demoRecords, h.clock);
        DemoProcurement procurement = new DemoProcurement(h.tenders, h.bids, h.procurementQueries, h.queries,
                h.tenderRepository, h.parcels, demoRecords, demoItems, h.clock);
        return new DemoContentLoader(content, land, procurement, plan, h.clock);
    }

    /**
     * Rounds as the background task runs them: the ledger submitter in between, and the clock moved
     * on by the loader's own delay, until {@code until} holds. After every round, no demo bid may be
     * revealed before its tender's deadline.
     */
    private DemoContentLoader.Round run(DemoContentLoader loader, Predicate<DemoContentLoader.Round> until) {
        for (int i = 0; i < 400; i++) {
            DemoContentLoader.Round round = loader.runRound();
            assertNoRevealBeforeTheDeadline();
            if (until.test(round)) {
                return round;
            }
            h.submitter.submitDue();
            h.clock.advance(round.nextRoundIn(h.clock.instant()));
        }
        throw new AssertionError("the demo plan did not get there in 400 rounds");
    }

    private void assertNoRevealBeforeTheDeadline() {
        for (DemoTender tender : plan.tenders()) {
            demoItems.recordKeyOf(tender.ref()).flatMap(key -> h.procurementQueries.tender(key.substring("tender:".length())))
                    .ifPresent(view -> {
                        for (BidView bid : view.bids()) {
                            if (bid.revealed()) {
                                assertFalse(h.clock.instant().isBefore(view.tender().bidDeadline()),
                                        bid.recordKey() + " revealed before the deadline " + view.tender().bidDeadline());
                                VersionView reveal = h.queries.versions(bid.recordKey()).get(1);
                                assertFalse(reveal.recordedAt().isBefore(view.tender().bidDeadline().plus(DemoProcurement.DEADLINE_MARGIN)),
                                        bid.recordKey() + " reveal saved at " + reveal.recordedAt());
                            }
                        }
                    });
        }
    }

    private TenderView tender(String ref) {
        String key = demoItems.recordKeyOf(ref).orElseThrow(() -> new AssertionError("no demo tender " + ref));
        return h.procurementQueries.tender(key.substring("tender:".length())).orElseThrow();
    }

    private DemoTender planned(String ref) {
        return plan.tenders().stream().filter(t -> t.ref().equals(ref)).findFirst().orElseThrow();
    }

    private long versionsOnThePortal() {
        long versions = 0;
        for (DemoTender t : plan.tenders()) {
            TenderView view = tender(t.ref());
            versions += view.versions().size();
            versions += view.bids().stream().mapToLong(b -> b.versions().size()).sum();
        }
        return versions;
    }

    @Test
    void everyTenderReachesItsStateOnTheLedgerAndARestartAddsNothing() {
        Set<String> entities = plan.tenders().stream().map(DemoTender::entityCode).collect(Collectors.toSet());
        assertTrue(entities.containsAll(Set.of("DES", "MOH", "TT", "MOESD")), entities.toString());
        assertEquals(Set.of(Outcome.values()), plan.tenders().stream().map(DemoTender::outcome).collect(Collectors.toSet()));

        DemoContentLoader.Round last = run(newLoader(NO_PARCELS), DemoContentLoader.Round::finished);
        assertEquals(plan.tenders().size(), last.count(DemoProgress.State.DONE), last.toString());

        Map<Outcome, TenderStatus> expected = Map.of(Outcome.OPEN, TenderStatus.ACTIVE_TENDERING,
                Outcome.AMENDED, TenderStatus.ACTIVE_TENDERING, Outcome.CANCELLED, TenderStatus.CANCELLED,
                Outcome.OPENED, TenderStatus.EVALUATION, Outcome.AWARDED, TenderStatus.AWARDED, Outcome.COMPLETE, TenderStatus.COMPLETE);
        int records = 0;
        for (DemoTender t : plan.tenders()) {
            TenderView view = tender(t.ref());
            assertEquals(expected.get(t.outcome()), view.tender().status(), t.ref());
            assertEquals(t.plannedOperations(), view.versions().stream().map(VersionView::operation).toList(), t.ref());
            assertTrue(view.versions().stream().allMatch(v -> v.ledgerState() == LedgerState.COMMITTED), t.ref() + " all committed");
            assertEquals(view.versions().stream().map(VersionView::hash).toList(),
                    h.ledger.history(view.recordKey()).stream().map(w -> w.value().hash()).toList(), t.ref() + ": the ledger holds the portal's versions");
            assertEquals(t.bids().size(), view.bids().size(), t.ref() + ": each planned bid lodged once");
            for (BidView bid : view.bids()) {
                assertEquals(LedgerState.COMMITTED, bid.ledgerState(), bid.recordKey());
                assertEquals(bid.versions().size(), h.ledger.history(bid.recordKey()).size(), bid.recordKey());
                assertTrue(demoRecords.contains(bid.recordKey()), bid.recordKey() + " marked as demo");
                if (bid.revealed()) {
                    assertTrue(bid.commitmentMatches(), bid.recordKey());
                }
            }
            assertTrue(demoRecords.contains(view.recordKey()), t.ref() + " marked as demo");
            long revealed = t.outcome().passesDeadline() ? t.bids().stream().filter(DemoBid::revealed).count() : 0;
            assertEquals(revealed, view.revealedCount(), t.ref());
            records += 1 + t.bids().size();
        }
        assertEquals(records, demoItems.count());
        assertEquals(versionsOnThePortal(), h.ledger.commits());

        // The stories a visitor can look at.
        TenderView open = tender("MOH-medicines");
        assertTrue(open.tender().bidDeadline().isAfter(h.clock.instant().plus(Duration.ofDays(20))), "open for weeks");
        assertEquals(2, open.bids().size());
        assertNotNull(open.tender().enquiryPeriodEnd());

        TenderView amended = tender("NLCS-cadastral-survey");
        Instant published = amended.tender().published();
        assertTrue(amended.tender().bidDeadline().isAfter(published.plus(Duration.ofDays(34))), "deadline extended by two weeks");
        assertEquals(planned("NLCS-cadastral-survey").reason(), amended.tender().event().reason());

        TenderView cancelled = tender("DES-lungtenphu-footbridge");
        assertEquals(planned("DES-lungtenphu-footbridge").reason(), cancelled.tender().statusReason());
        assertEquals(1, cancelled.bids().size());

        TenderView opened = tender("TT-waste-collection");
        assertEquals(3, opened.bids().size());
        assertEquals(2, opened.revealedCount(), "one bidder stayed away from the opening");

        TenderView awarded = tender("DES-dochula-resurfacing");
        BidView winner = awarded.awardedBid();
        assertEquals("ཀུན་ལེགས་ Construction", winner.bidderName());
        assertEquals(awarded.bids().stream().map(BidView::amount).min(Comparator.naturalOrder()).orElseThrow(), winner.amount(),
                "awarded to the lowest revealed price");
        TenderView complete = tender("MOESD-school-furniture");
        assertEquals("Bumthang Wood Craft", complete.awardedBid().bidderName());
        assertTrue(complete.bids().stream().anyMatch(b -> "counter".equals(b.channel())), "paper bids too");
        assertTrue(complete.bids().stream().anyMatch(b -> "online".equals(b.channel())), "and bids from the public pages");

        // A restart with the plan complete adds nothing, neither to the database nor to the ledger.
        long commits = h.ledger.commits();
        DemoContentLoader.Round again = newLoader(NO_PARCELS).runRound();
        assertTrue(again.finished(), again.toString());
        assertEquals(0, again.count(DemoProgress.State.APPLIED));
        assertEquals(0, h.submitter.submitDue());
        assertEquals(commits, h.ledger.commits());
    }

    @Test
    void aRestartHalfwayCarriesOnWithoutLodgingOrRevealingTwice() {
        // The portal stops right after the waste-collection bids were saved, before the ledger has them.
        run(newLoader(NO_PARCELS), round -> round.item("TT-waste-collection").detail().contains("bid(s) lodged"));
        String tenderKey = demoItems.recordKeyOf("TT-waste-collection").orElseThrow();
        assertEquals(3, h.tenderRepository.bidsOf(tenderKey).size());

        DemoContentLoader restarted = newLoader(NO_PARCELS);
        DemoContentLoader.Round first = restarted.runRound();
        assertEquals(DemoProgress.State.WAITING, first.item("TT-waste-collection").state(), first.toString());
        // Restarted again, this time while it waits for the deadline, and once more after its reveals were saved.
        run(restarted, round -> round.item("TT-waste-collection").notBefore() != null);
        run(newLoader(NO_PARCELS), round -> round.item("TT-waste-collection").detail().contains("revealed"));
        DemoContentLoader.Round last = run(newLoader(NO_PARCELS), DemoContentLoader.Round::finished);
        assertEquals(plan.tenders().size(), last.count(DemoProgress.State.DONE), last.toString());

        for (DemoTender t : plan.tenders()) {
            TenderView view = tender(t.ref());
            assertEquals(t.bids().size(), view.bids().size(), t.ref() + ": no bid lodged twice");
            for (BidView bid : view.bids()) {
                assertTrue(bid.versions().size() <= 2, bid.recordKey() + ": revealed at most once");
            }
        }
        assertEquals(versionsOnThePortal(), h.ledger.commits());
        // What the reveal needed survived in the demo table: each revealed bid opens with the file kept there.
        for (DemoBid bid : planned("TT-waste-collection").bids()) {
            SealedBid sealed = SealedBid.parse(demoItems.sealedBidFile(planned("TT-waste-collection").bidRef(bid)).orElseThrow());
            assertEquals(bid.price(), sealed.bid().price());
        }
    }

    @Test
    void theDemoNeverRevealsOrOpensBeforeTheDeadline() {
        DemoContentLoader loader = newLoader(NO_PARCELS);
        DemoContentLoader.Round waiting = run(loader, round -> round.item("TT-waste-collection").notBefore() != null);
        TenderView view = tender("TT-waste-collection");
        Instant deadline = view.tender().bidDeadline();
        assertEquals(deadline.plus(DemoProcurement.DEADLINE_MARGIN), waiting.item("TT-waste-collection").notBefore());
        assertTrue(view.bids().stream().allMatch(b -> b.ledgerState() == LedgerState.COMMITTED), "commitments on the ledger before the deadline");
        assertTrue(h.queries.versions(view.bids().get(0).recordKey()).get(0).recordedAt().isBefore(deadline));

        // Round after round up to the deadline and just past it: nothing is revealed, the tender is not opened.
        while (h.clock.instant().isBefore(deadline.plus(DemoProcurement.DEADLINE_MARGIN))) {
            DemoContentLoader.Round round = loader.runRound();
            assertEquals(DemoProgress.State.WAITING, round.item("TT-waste-collection").state(), round.toString());
            h.submitter.submitDue();
            h.clock.advance(Duration.ofSeconds(1));
        }
        view = tender("TT-waste-collection");
        assertEquals(0, view.revealedCount());
        assertEquals(TenderStatus.ACTIVE_TENDERING, view.tender().status());

        DemoContentLoader.Round reveal = loader.runRound();
        assertEquals(DemoProgress.State.APPLIED, reveal.item("TT-waste-collection").state());
        assertEquals(2, tender("TT-waste-collection").revealedCount());
        assertEquals(TenderStatus.ACTIVE_TENDERING, tender("TT-waste-collection").tender().status(), "opened only once the reveals are committed");
    }

    @Test
    void shortDeadlinesStartOneAtATimeOnceTheLandDemoIsOnTheLedger() {
        DemoContentLoader loader = newLoader(DemoPlan.standard());
        DemoContentLoader.Round first = loader.runRound();
        assertEquals(plan.tenders().stream().filter(t -> t.outcome().passesDeadline()).count(), first.count(DemoProgress.State.HELD));
        assertEquals(DemoProgress.State.APPLIED, first.item("MOH-medicines").state(), "tenders open for weeks start at once");

        DemoContentLoader.Round last = run(loader, round -> plan.tenders().stream().allMatch(t -> round.item(t.ref()).finished()));
        assertEquals(plan.tenders().size(), plan.tenders().stream().filter(t -> last.item(t.ref()).state() == DemoProgress.State.DONE).count(),
                last.toString());
        // Every short tender's commitments were saved while its own deadline was still ahead, one tender after the other.
        Instant previousDeadline = null;
        for (DemoTender t : plan.tenders().stream().filter(x -> x.outcome().passesDeadline()).toList()) {
            TenderView view = tender(t.ref());
            for (BidView bid : view.bids()) {
                assertTrue(bid.lodgedAt().isBefore(view.tender().bidDeadline().minus(DemoProcurement.LODGING_MARGIN)), bid.recordKey());
            }
            Instant published = view.tender().published();
            assertTrue(previousDeadline == null || published.isAfter(previousDeadline.minus(t.bidPeriod())), t.ref() + " started after the one before");
            previousDeadline = view.tender().bidDeadline();
        }
        assertEquals(DemoProgress.State.WAITING, last.item("KAW1-1108").state(), "the land demo carries on beside it");
    }

    @Test
    void nothingIsPublishedIntoARegisterThatAlreadyHoldsTenders() {
        h.tenders.publish(PROCUREMENT_CLERK, "DOST", new Tender.Terms("Supply of two 40-seater city buses", "", ProcurementMethod.OPEN,
                MainCategory.GOODS, new BigDecimal("14000000.00"), null, h.clock.instant().plus(Duration.ofDays(30)),
                List.of(new TenderItem("City bus, 40 seats, diesel", new BigDecimal("2"), "bus")), List.of()));
        DemoContentLoader.Round round = newLoader(NO_PARCELS).runRound();
        assertTrue(round.finished(), round.toString());
        assertEquals(plan.tenders().size(), round.count(DemoProgress.State.SKIPPED));
        assertEquals(0, demoItems.count());
        assertEquals(1, h.tenderRepository.searchTenders(null, List.of(), null, 10).size());
    }

    @Test
    void norBesideRealLandTitles() {
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand("TH-1001", "T-42", "Thimphu", "Kawang",
                new BigDecimal("1.25"), LandType.DRY_LAND, List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1"))));
        DemoContentLoader.Round round = newLoader(DemoPlan.standard()).runRound();
        assertTrue(round.finished(), round.toString());
        assertEquals(0, demoItems.count());
        assertTrue(h.tenderRepository.searchTenders(null, List.of(), null, 10).isEmpty());
    }
}
