package bt.druk.registry.application.demo;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static bt.druk.registry.testing.PortalHarness.PROCUREMENT_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.demo.DemoTender.DemoBid;
import bt.druk.registry.application.demo.DemoTender.Outcome;
import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.procurement.BidView;
import bt.druk.registry.application.procurement.HolderQueries;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.application.staff.DemoStaffSeeder;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.ledger.PostedShares;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.RegistrationNumber;
import bt.druk.registry.domain.procurement.Supplier;
import bt.druk.registry.domain.procurement.SupplierContact;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.testing.InMemoryDemoOpeningKeyRepository;
import bt.druk.registry.testing.InMemoryDemoProcurementRepository;
import bt.druk.registry.testing.InMemoryDemoRecordRepository;
import bt.druk.registry.testing.InMemorySupplierRepository;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoProcurementTest {

    private final PortalHarness h = new PortalHarness();
    private final InMemoryDemoRecordRepository demoRecords = new InMemoryDemoRecordRepository();
    private final InMemoryDemoProcurementRepository demoItems = new InMemoryDemoProcurementRepository();
    private final InMemoryDemoOpeningKeyRepository demoKeys = new InMemoryDemoOpeningKeyRepository();
    private final InMemorySupplierRepository suppliers = seededSuppliers();
    private final DemoTenderPlan plan = DemoTenderPlan.standard();
    private static final DemoPlan NO_PARCELS = new DemoPlan(List.of());

    /** The demo suppliers as the staff seeder registers them. */
    private static InMemorySupplierRepository seededSuppliers() {
        InMemorySupplierRepository repository = new InMemorySupplierRepository();
        for (DemoStaffSeeder.DemoSupplier s : DemoStaffSeeder.DEMO_SUPPLIERS) {
            repository.add(new Supplier(UUID.randomUUID().toString(), RegistrationNumber.parse(s.registrationNumber()), s.businessName(),
                    new SupplierContact(s.contactPerson(), s.email(), s.phone()), s.username(), true,
                    Instant.parse("2025-10-01T00:00:00Z")), "hash");
        }
        return repository;
    }

    /** A fresh loader over the same database and ledger, as after a restart of the portal. */
    private DemoContentLoader newLoader(DemoPlan land) {
        return newLoader(land, suppliers);
    }

    private DemoContentLoader newLoader(DemoPlan land, InMemorySupplierRepository supplierAccounts) {
        DemoContent content = new DemoContent(h.land, h.lineage, h.queries, h.parcels, demoRecords, h.clock);
        DemoKeyHolders holders = new DemoKeyHolders(h.sealedBids,
                new HolderQueries(h.tenderRepository, h.pipeline, h.openingKeys, h.ledger, h.clock), demoKeys);
        DemoProcurement procurement = new DemoProcurement(h.tenders, h.sealedBids, holders, h.procurementQueries, h.queries,
                h.tenderRepository, supplierAccounts, h.parcels, demoRecords, demoItems, h.clock);
        return new DemoContentLoader(content, land, procurement, plan, h.clock);
    }

    /**
     * Rounds as the background task runs them: the ledger submitter in between, and the clock moved
     * on by the loader's own delay, until {@code until} holds. After every round, no holder may have
     * posted and no bid may be opened before its tender's deadline.
     */
    private DemoContentLoader.Round run(DemoContentLoader loader, Predicate<DemoContentLoader.Round> until) {
        for (int i = 0; i < 400; i++) {
            DemoContentLoader.Round round = loader.runRound();
            assertNothingOpenedBeforeTheDeadline();
            if (until.test(round)) {
                return round;
            }
            h.submitter.submitDue();
            h.clock.advance(round.nextRoundIn(h.clock.instant()));
        }
        throw new AssertionError("the demo plan did not get there in 400 rounds");
    }

    private void assertNothingOpenedBeforeTheDeadline() {
        for (DemoTender tender : plan.tenders()) {
            demoItems.recordKeyOf(tender.ref()).flatMap(key -> h.procurementQueries.tender(key.substring("tender:".length())))
                    .ifPresent(view -> {
                        Instant deadline = view.tender().bidDeadline();
                        if (!h.ledger.openingShares(view.recordKey()).isEmpty()) {
                            assertFalse(h.clock.instant().isBefore(deadline.plus(DemoProcurement.DEADLINE_MARGIN)),
                                    view.recordKey() + ": shares posted before " + deadline + " and the margin");
                        }
                        for (BidView bid : view.bids()) {
                            if (bid.opened() || bid.named()) {
                                assertFalse(h.clock.instant().isBefore(deadline), bid.recordKey() + " opened before the deadline " + deadline);
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

    private long sharesPosted() {
        return plan.tenders().stream().mapToLong(t -> h.ledger.openingShares(tender(t.ref()).recordKey()).size()).sum();
    }

    private Set<Integer> holdersPosted(String ref) {
        return h.ledger.openingShares(tender(ref).recordKey()).stream().map(PostedShares::holderIndex).collect(Collectors.toSet());
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
            TenderOpening opening = view.tender().opening();
            assertNotNull(opening, t.ref() + " is sealed");
            assertEquals(2, opening.threshold(), t.ref());
            assertEquals(List.of("ProcurementMSP", "AuditMSP", "JusticeMSP"), opening.holders().stream().map(TenderOpening.Holder::msp).toList(),
                    t.ref() + ": holders of three organisations");
            assertEquals(t.bids().size(), view.bids().size(), t.ref() + ": each planned bid lodged once");
            for (BidView bid : view.bids()) {
                assertEquals(LedgerState.COMMITTED, bid.ledgerState(), bid.recordKey());
                assertEquals(bid.versions().size(), h.ledger.history(bid.recordKey()).size(), bid.recordKey());
                assertTrue(demoRecords.contains(bid.recordKey()), bid.recordKey() + " marked as demo");
            }
            assertTrue(demoRecords.contains(view.recordKey()), t.ref() + " marked as demo");
            if (t.outcome().passesDeadline()) {
                assertTrue(view.openingComplete(), t.ref() + ": every bid opened");
                assertEquals(Set.copyOf(DemoTenderPlan.POSTING), holdersPosted(t.ref()), t.ref() + ": two of three holders posted");
            } else {
                assertEquals(0, view.openedCount(), t.ref());
                assertTrue(view.bids().stream().noneMatch(BidView::named), t.ref() + ": nothing readable");
                assertEquals(Set.of(), holdersPosted(t.ref()), t.ref());
            }
            records += 1 + t.bids().size();
        }
        assertEquals(records, demoItems.count());
        assertEquals(versionsOnThePortal() + sharesPosted(), h.ledger.commits());

        // The demo's holders are not staff: no opening key registered; their keys only in the demo's table, and only
        // for the tenders still to be opened.
        assertEquals(List.of(), h.openingKeys.registered());
        assertEquals(Set.of(tender("MOH-gelephu-staff-quarters").recordKey(), tender("NLCS-cadastral-survey").recordKey()),
                Set.copyOf(demoKeys.tenders()));

        // The stories a visitor can look at.
        TenderView open = tender("MOH-gelephu-staff-quarters");
        assertTrue(open.tender().bidDeadline().isAfter(h.clock.instant().plus(Duration.ofDays(20))), "open for weeks");
        assertEquals(2, open.bids().size());
        assertNotNull(open.tender().enquiryPeriodEnd());
        for (BidView bid : open.bids()) {
            assertEquals("sealed", bid.statusCode());
            assertNull(bid.amount());
            String document = h.pipeline.current(bid.recordKey()).orElseThrow().canonicalJson();
            assertFalse(document.contains("37950000") || document.contains("38210500") || document.contains("CDB-2026-01"),
                    "the portal holds no price and no supplier of a lodged bid: " + document);
        }

        TenderView amended = tender("NLCS-cadastral-survey");
        Instant published = amended.tender().published();
        assertTrue(amended.tender().bidDeadline().isAfter(published.plus(Duration.ofDays(34))), "deadline extended by two weeks");
        assertEquals(planned("NLCS-cadastral-survey").reason(), amended.tender().event().reason());

        TenderView cancelled = tender("DES-lungtenphu-footbridge");
        assertEquals(planned("DES-lungtenphu-footbridge").reason(), cancelled.tender().statusReason());
        assertEquals(1, cancelled.bids().size());
        assertEquals("sealed", cancelled.bids().get(0).statusCode(), "a cancelled tender's bids are never opened");

        TenderView opened = tender("TT-norzin-lam-drains");
        assertEquals(3, opened.bids().size());
        assertEquals(2, opened.validCount(), "two valid bids");
        BidView invalid = opened.bids().stream().filter(BidView::invalid).findFirst().orElseThrow();
        assertEquals("Yangphel Construction", invalid.bidderName(), "an invalid bid names its supplier");
        assertNull(invalid.amount());
        assertEquals("malformed", invalid.sealedPart().reason());
        assertTrue(invalid.sealedPart().detail().contains("two decimals"), invalid.sealedPart().detail());
        assertEquals(List.of(opened.bids().get(0).recordKey() + " valid 9485000.00 BTN", invalid.recordKey() + " invalid malformed",
                opened.bids().get(2).recordKey() + " valid 9900000.00 BTN"), opened.openingLines());

        TenderView awarded = tender("DES-dochula-resurfacing");
        BidView winner = awarded.awardedBid();
        assertEquals("ཀུན་ལེགས་ Construction", winner.bidderName());
        assertEquals("CDB-2026-0103", winner.bidderLicence());
        assertEquals(awarded.bids().stream().map(BidView::amount).min(Comparator.naturalOrder()).orElseThrow(), winner.amount(),
                "awarded to the lowest valid price");
        TenderView complete = tender("MOESD-school-toilets");
        assertEquals("Druk Builders Pvt Ltd", complete.awardedBid().bidderName());

        // A restart with the plan complete adds nothing, neither to the database nor to the ledger.
        long commits = h.ledger.commits();
        DemoContentLoader.Round again = newLoader(NO_PARCELS).runRound();
        assertTrue(again.finished(), again.toString());
        assertEquals(0, again.count(DemoProgress.State.APPLIED));
        assertEquals(0, h.submitter.submitDue());
        assertEquals(commits, h.ledger.commits());
    }

    @Test
    void theDemoBidsAsTheSuppliersTheStaffSeederRegisters() {
        Set<String> seeded = DemoStaffSeeder.DEMO_SUPPLIERS.stream().map(DemoStaffSeeder.DemoSupplier::username).collect(Collectors.toSet());
        for (DemoTender t : plan.tenders()) {
            for (DemoBid bid : t.bids()) {
                assertTrue(seeded.contains(bid.supplier()), t.ref() + ": " + bid.supplier());
            }
        }
    }

    @Test
    void withoutTheDemoSuppliersNoTenderIsPublished() {
        DemoContentLoader.Round round = newLoader(NO_PARCELS, new InMemorySupplierRepository()).runRound();
        DemoProgress open = round.item("MOH-gelephu-staff-quarters");
        assertEquals(DemoProgress.State.SKIPPED, open.state());
        assertTrue(open.detail().contains("supplier.druk is not registered"), open.detail());
        assertEquals(DemoProgress.State.APPLIED, round.item("NLCS-cadastral-survey").state(), "a tender without bids needs none");
    }

    @Test
    void aRestartHalfwayCarriesOnWithoutLodgingOrPostingTwice() {
        // The portal stops right after the drains bids were saved, before the ledger has them.
        run(newLoader(NO_PARCELS), round -> round.item("TT-norzin-lam-drains").detail().contains("bid(s) lodged"));
        String tenderKey = demoItems.recordKeyOf("TT-norzin-lam-drains").orElseThrow();
        assertEquals(3, h.tenderRepository.bidsOf(tenderKey).size());

        DemoContentLoader restarted = newLoader(NO_PARCELS);
        DemoContentLoader.Round first = restarted.runRound();
        assertEquals(DemoProgress.State.WAITING, first.item("TT-norzin-lam-drains").state(), first.toString());
        // Restarted again while it waits for the deadline, after the first holder posted, and once more after the opening.
        run(restarted, round -> round.item("TT-norzin-lam-drains").notBefore() != null);
        run(newLoader(NO_PARCELS), round -> round.item("TT-norzin-lam-drains").detail().contains("posted its shares"));
        assertEquals(Set.of(2), holdersPosted("TT-norzin-lam-drains"));
        run(newLoader(NO_PARCELS), round -> round.item("TT-norzin-lam-drains").detail().contains("opened"));
        DemoContentLoader.Round last = run(newLoader(NO_PARCELS), DemoContentLoader.Round::finished);
        assertEquals(plan.tenders().size(), last.count(DemoProgress.State.DONE), last.toString());

        for (DemoTender t : plan.tenders()) {
            TenderView view = tender(t.ref());
            assertEquals(t.bids().size(), view.bids().size(), t.ref() + ": no bid lodged twice");
            for (BidView bid : view.bids()) {
                assertTrue(bid.versions().size() <= 2, bid.recordKey() + ": opened at most once");
            }
        }
        assertEquals(Set.of(2, 3), holdersPosted("TT-norzin-lam-drains"));
        assertEquals(versionsOnThePortal() + sharesPosted(), h.ledger.commits());
        assertFalse(demoKeys.tenders().contains(tenderKey), "the holders' keys are deleted once the bids are opened");
    }

    @Test
    void theDemoNeverPostsSharesOrOpensBeforeTheDeadline() {
        DemoContentLoader loader = newLoader(NO_PARCELS);
        DemoContentLoader.Round waiting = run(loader, round -> round.item("TT-norzin-lam-drains").notBefore() != null);
        TenderView view = tender("TT-norzin-lam-drains");
        Instant deadline = view.tender().bidDeadline();
        assertEquals(deadline.plus(DemoProcurement.DEADLINE_MARGIN), waiting.item("TT-norzin-lam-drains").notBefore());
        assertTrue(view.bids().stream().allMatch(b -> b.ledgerState() == LedgerState.COMMITTED), "sealed bids on the ledger before the deadline");
        assertTrue(h.queries.versions(view.bids().get(0).recordKey()).get(0).recordedAt().isBefore(deadline));

        // Round after round up to the deadline and just past it: no share is posted, no bid opened.
        while (h.clock.instant().isBefore(deadline.plus(DemoProcurement.DEADLINE_MARGIN))) {
            DemoContentLoader.Round round = loader.runRound();
            assertEquals(DemoProgress.State.WAITING, round.item("TT-norzin-lam-drains").state(), round.toString());
            h.submitter.submitDue();
            h.clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(Set.of(), holdersPosted("TT-norzin-lam-drains"));
        assertEquals(0, tender("TT-norzin-lam-drains").openedCount());

        DemoContentLoader.Round post = loader.runRound();
        assertEquals(DemoProgress.State.APPLIED, post.item("TT-norzin-lam-drains").state());
        assertEquals(Set.of(2), holdersPosted("TT-norzin-lam-drains"));
        assertEquals(TenderStatus.ACTIVE_TENDERING, tender("TT-norzin-lam-drains").tender().status(), "opened only once k holders posted");
    }

    @Test
    void shortDeadlinesStartOneAtATimeOnceTheLandDemoIsOnTheLedger() {
        DemoContentLoader loader = newLoader(DemoPlan.standard());
        DemoContentLoader.Round first = loader.runRound();
        assertEquals(plan.tenders().stream().filter(t -> t.outcome().passesDeadline()).count(), first.count(DemoProgress.State.HELD));
        assertEquals(DemoProgress.State.APPLIED, first.item("MOH-gelephu-staff-quarters").state(), "tenders open for weeks start at once");

        DemoContentLoader.Round last = run(loader, round -> plan.tenders().stream().allMatch(t -> round.item(t.ref()).finished()));
        assertEquals(plan.tenders().size(), plan.tenders().stream().filter(t -> last.item(t.ref()).state() == DemoProgress.State.DONE).count(),
                last.toString());
        // Every short tender's bids were saved while its own deadline was still ahead, one tender after the other.
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
        h.sealed.publish("DOST", new Tender.Terms("Supply of two 40-seater city buses", "", ProcurementMethod.OPEN,
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
