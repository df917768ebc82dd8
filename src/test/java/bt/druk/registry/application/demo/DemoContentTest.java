package bt.druk.registry.application.demo;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.LandTitleStaffView;
import bt.druk.registry.application.land.LodgeCaveatCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.Owner;
import bt.druk.registry.domain.land.TitleOperation;
import bt.druk.registry.domain.land.TitleStatus;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.testing.InMemoryDemoRecordRepository;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoContentTest {

    private final PortalHarness h = new PortalHarness();
    private final InMemoryDemoRecordRepository demoRecords = new InMemoryDemoRecordRepository();
    private final DemoPlan plan = DemoPlan.standard();

    /** A fresh loader over the same database and ledger, as after a restart of the portal. */
    private DemoContentLoader newLoader() {
        return new DemoContentLoader(new DemoContent(h.land, h.lineage, h.queries, h.parcels, demoRecords, h.clock), plan, h.clock);
    }

    /** Rounds as the background task runs them, with the ledger submitter in between, until only notice periods are left. */
    private DemoContentLoader.Round loadUntilIdle(DemoContentLoader loader) {
        for (int i = 0; i < 30; i++) {
            DemoContentLoader.Round round = loader.runRound();
            if (round.finished() || round.onlyWaitingUntil() != null) {
                return round;
            }
            h.submitter.submitDue();
            h.clock.advance(Duration.ofSeconds(3));
        }
        throw new AssertionError("the demo plan did not settle in 30 rounds");
    }

    /**
     * The fake ledger stamps transactions with the real clock, the harness clock starts in 2025: move
     * the harness clock past both, so the notice period is over on the portal and on the ledger.
     */
    private void letNoticePeriodsEnd() {
        Instant later = h.clock.instant().isAfter(Instant.now()) ? h.clock.instant() : Instant.now();
        h.clock.advance(Duration.between(h.clock.instant(), later).plus(Duration.ofDays(31)));
    }

    /** The operations of a chain of title as a plan names them: without the parcel facts a subdivision or merger records first. */
    private static List<String> planned(List<VersionView> chain) {
        return chain.stream().map(VersionView::operation).filter(op -> !op.equals(TitleOperation.PARCEL_FACTS_RECORDED.name())).toList();
    }

    /** Every version of the title is on the ledger once, in order, as the portal has it. */
    private void onTheLedgerOnce(String pin) {
        List<VersionView> chain = title(pin).chainOfTitle();
        assertTrue(chain.stream().allMatch(v -> v.ledgerState() == LedgerState.COMMITTED), pin + " all committed");
        assertEquals(chain.stream().map(VersionView::hash).toList(),
                h.ledger.history(LandTitle.recordKeyOf(pin)).stream().map(w -> w.value().hash()).toList(),
                pin + ": the ledger holds exactly the portal's versions");
    }

    private LandTitleStaffView title(String pin) {
        return h.land.findForStaff(CLERK, pin).orElseThrow(() -> new AssertionError("no title " + pin));
    }

    @Test
    void everyStepOfThePlanReachesTheLedgerAndASecondLoadAddsNothing() {
        assertTrue(plan.parcels().size() >= 20, "about 20 parcels");
        Set<String> dzongkhags = plan.parcels().stream().map(p -> p.registration().dzongkhag()).collect(Collectors.toSet());
        assertTrue(dzongkhags.size() >= 8, "several dzongkhags: " + dzongkhags);

        DemoContentLoader.Round idle = loadUntilIdle(newLoader());
        // Two transfers wait for the 30-day notice period; everything else is on the ledger.
        assertEquals(2, idle.count(DemoProgress.State.WAITING), idle.toString());
        assertEquals(plan.parcels().size() - 2, idle.count(DemoProgress.State.DONE), idle.toString());
        assertNotNull(idle.onlyWaitingUntil());
        assertEquals(TitleStatus.TRANSFER_PENDING, title("KAW1-1108").title().status());

        letNoticePeriodsEnd();
        DemoContentLoader.Round last = loadUntilIdle(newLoader());
        assertTrue(last.finished(), last.toString());
        assertEquals(plan.parcels().size(), last.count(DemoProgress.State.DONE), last.toString());

        for (DemoParcel parcel : plan.parcels()) {
            assertEquals(parcel.plannedOperations(), planned(title(parcel.pin()).chainOfTitle()), parcel.pin());
            onTheLedgerOnce(parcel.pin());
        }
        plan.createdPins().forEach(this::onTheLedgerOnce);
        int commits = h.ledger.commits();
        assertEquals(plan.parcels().size() + plan.createdPins().size(), demoRecords.count());

        // The stories a newcomer can look at.
        assertEquals(List.of("Phuntsho Wangdi"), title("KAW1-1108").title().owners().stream().map(Owner::name).toList());
        assertEquals(List.of("Ugyen Dorji"), title("LAM1-0852").title().owners().stream().map(Owner::name).toList());
        assertEquals("land.clerk2", title("LAM1-0852").chainOfTitle().get(3).submittedBy(), "the Paro office keeps Paro's thram");
        assertEquals(TitleStatus.TRANSFER_PENDING, title("CHA2-0315").title().status());
        assertEquals(TitleStatus.TRANSFER_OBJECTED, title("TLO1-0503").title().status());
        assertEquals(TitleStatus.ENCUMBERED, title("MEW1-0877").title().status());
        assertEquals(TitleStatus.ENCUMBERED, title("GEN1-0229").title().status());
        assertEquals(TitleStatus.REGISTERED, title("KAW1-1042").title().status());
        assertEquals(TitleStatus.REGISTERED, title("GUM1-1120").title().status());
        assertEquals("ཀུན་ལེགས་དབང་མོ་ Kinley Wangmo", title("CHA2-0315").title().owners().get(0).name());
        // The gift keeps Kinley Wangmo as the same party (same commitment) among the incoming owners.
        LandTitleStaffView gift = title("CHA2-0315");
        assertEquals(gift.title().owners().get(0).party().commitment(),
                gift.title().pendingTransfer().newOwners().get(0).party().commitment());
        // The lineage: a parcel divided into three, and two merged into one, each in one ledger transaction.
        assertEquals(TitleStatus.RETIRED, title("SOE1-0061").title().status());
        for (String child : List.of("SOE1-0062", "SOE1-0063", "SOE1-0064")) {
            assertEquals(List.of("SUBDIVISION"), planned(title(child).chainOfTitle()), child);
            assertEquals(0, new BigDecimal("1").compareTo(title(child).title().parcel().areaAcres()), child);
            assertNotNull(title(child).title().parcel().boundary(), child + " has its surveyed strip");
        }
        assertEquals(TitleStatus.RETIRED, title("DOP1-0411").title().status());
        assertEquals(TitleStatus.RETIRED, title("DOP1-0412").title().status());
        assertEquals(List.of("MERGER"), planned(title("DOP1-0413").chainOfTitle()));
        assertEquals(List.of("Kinley Dorji"), title("DOP1-0413").title().owners().stream().map(Owner::name).toList());
        assertEquals("EPSG:5299", title("DOP1-0413").title().parcel().boundary().crs().code(), "Paro TM");

        // A restart with the plan complete adds nothing, neither to the database nor to the ledger.
        DemoContentLoader.Round again = newLoader().runRound();
        assertTrue(again.finished());
        assertEquals(0, again.count(DemoProgress.State.APPLIED));
        assertEquals(0, h.submitter.submitDue());
        assertEquals(commits, h.ledger.commits());
    }

    @Test
    void aRestartHalfwayCarriesOnWhereTheRecordsStandWithoutDoingAnythingTwice() {
        DemoContentLoader first = newLoader();
        first.runRound();               // every parcel registered (v1 pending)
        h.submitter.submitDue();
        first.runRound();               // second steps saved
        // The portal stops here; some versions are still only in the outbox.
        DemoContentLoader.Round idle = loadUntilIdle(newLoader());
        assertEquals(plan.parcels().size() - 2, idle.count(DemoProgress.State.DONE), idle.toString());
        letNoticePeriodsEnd();
        assertTrue(loadUntilIdle(newLoader()).finished());
        for (DemoParcel parcel : plan.parcels()) {
            assertEquals(parcel.plannedOperations(), planned(title(parcel.pin()).chainOfTitle()), parcel.pin());
            onTheLedgerOnce(parcel.pin());
        }
        plan.createdPins().forEach(this::onTheLedgerOnce);
    }

    @Test
    void aStepWaitsUntilTheVersionBeforeItIsOnTheLedger() {
        DemoContentLoader loader = newLoader();
        assertEquals(plan.parcels().size(), loader.runRound().count(DemoProgress.State.APPLIED));
        h.ledger.setDown(true);
        h.submitter.submitDue();
        DemoContentLoader.Round round = loader.runRound();
        assertEquals(0, round.count(DemoProgress.State.APPLIED), round.toString());
        assertEquals(plan.parcels().size(), round.count(DemoProgress.State.WAITING));
        assertEquals(1, title("KAW1-1042").currentVersion());

        h.ledger.setDown(false);
        h.clock.advance(Duration.ofMinutes(2)); // past the submitter's back-off
        h.submitter.submitDue();
        assertTrue(loader.runRound().count(DemoProgress.State.APPLIED) > 0);
        assertEquals(2, title("KAW1-1042").currentVersion());
    }

    @Test
    void nothingIsLoadedIntoARegisterThatAlreadyHoldsTitles() {
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand("TH-1001", "T-42", "Thimphu", "Kawang",
                new BigDecimal("1.25"), LandType.DRY_LAND, List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1"))));
        DemoContentLoader.Round round = newLoader().runRound();
        assertTrue(round.finished());
        assertEquals(plan.parcels().size(), round.count(DemoProgress.State.SKIPPED));
        assertEquals(0, demoRecords.count());
        assertTrue(h.land.findForStaff(CLERK, "KAW1-1042").isEmpty());
    }

    @Test
    void aParcelAClerkChangedOrTheLedgerRefusedIsLeftAloneAndTheRestCarriesOn() {
        DemoContentLoader loader = newLoader();
        loader.runRound();
        h.ledger.refuseNext("ALREADY_EXISTS", "land-title:" + plan.parcels().get(0).pin() + " already exists");
        h.submitter.submitDue();
        // A clerk trying the demo lodges a caveat where the plan would register a mortgage next.
        h.land.lodgeCaveat(CLERK, new LodgeCaveatCommand("CHH1-0934", 1, "CAV/BUM/2025/001", "Trying out the demo"));
        h.submitter.submitDue();

        DemoContentLoader.Round idle = loadUntilIdle(loader);
        assertEquals(2, idle.count(DemoProgress.State.SKIPPED), idle.toString());
        assertEquals(List.of("FIRST_REGISTRATION", "CAVEAT_LODGED"),
                title("CHH1-0934").chainOfTitle().stream().map(VersionView::operation).toList());
        assertTrue(h.land.findForStaff(CLERK, plan.parcels().get(0).pin()).isEmpty(), "refused v1: no live version");
        assertEquals(plan.parcels().size() - 4, idle.count(DemoProgress.State.DONE), idle.toString());
    }
}
