package bt.druk.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.procurement.BidImprints;
import bt.druk.registry.application.procurement.EnvelopeSweepPolicy;
import bt.druk.registry.application.procurement.EnvelopeSweeper;
import bt.druk.registry.application.procurement.OpeningKeys;
import bt.druk.registry.application.procurement.ProcurementPolicy;
import bt.druk.registry.application.procurement.ProcurementProjection;
import bt.druk.registry.application.procurement.ProcuringEntities;
import bt.druk.registry.application.procurement.SealedBidOpening;
import bt.druk.registry.application.procurement.SealedBids;
import bt.druk.registry.application.procurement.TenderService;
import bt.druk.registry.application.record.LedgerBindingGuard;
import bt.druk.registry.application.record.LedgerCarryOver;
import bt.druk.registry.application.record.LedgerHealth;
import bt.druk.registry.application.record.LedgerImprints;
import bt.druk.registry.application.record.LedgerSubmitter;
import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.OutboxProcessor;
import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.application.record.RecordProjection;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.application.record.VerificationService;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.ledger.SubmissionOutcome;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.SealedBidRecord;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.procurement.sealed.BidVerdict;
import bt.druk.registry.domain.procurement.sealed.EnvelopeSealer;
import bt.druk.registry.domain.procurement.sealed.KeyShare;
import bt.druk.registry.domain.procurement.sealed.P256;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.procurement.sealed.SealedEnvelope;
import bt.druk.registry.domain.procurement.sealed.ShareCipher;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.infrastructure.fabric.FabricLedger;
import bt.druk.registry.network.ClockSkewIT;
import bt.druk.registry.network.NetworkScript;
import bt.druk.registry.testing.InMemoryAuditTrail;
import bt.druk.registry.testing.InMemoryFileStore;
import bt.druk.registry.testing.InMemoryLedgerBindings;
import bt.druk.registry.testing.InMemoryRecordRepository;
import bt.druk.registry.testing.InMemorySealedOpening;
import bt.druk.registry.testing.InMemoryStaffEventLog;
import bt.druk.registry.testing.InMemoryTenderRepository;
import bt.druk.registry.testing.PortalHarness;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sealed bids against insiders, on the real Fabric network (issue 25), through the portal's services
 * wired by hand over in-memory storage, and around them with raw fabric-gateway clients: a supplier
 * cannot hold two live bids, an official cannot post shares before the deadline (not even from a
 * client whose clock says it is later), a holder cannot post for another organisation or post a
 * wrong share; one holder opens nothing, two of three open every bid (one holder never comes back,
 * nor does any bidder), a tampered envelope is invalid with its reason, and druk-verify.jar, run
 * as an inspector would, prints the portal's opening line for line.
 */
class SealedBidAdversaryIT {

    static final StaffMember CLERK = StaffMember.clerk("procurement.clerk", Register.PROCUREMENT, "THIMPHU");
    static final StaffMember INSPECTOR = new StaffMember("inspector", Role.INSPECTOR, null, null);
    static final StaffMember NOTARY = StaffMember.clerk("notary.clerk", Register.NOTARY, "THIMPHU");
    static final Path JAR = Path.of(System.getProperty("druk.build.dir", "target"), "druk-verify.jar");
    private static final SecureRandom RANDOM = new SecureRandom();
    static RealLedger realLedger;
    static FabricLedger ledger;

    final Clock clock = Clock.systemUTC();
    final InMemoryRecordRepository records = new InMemoryRecordRepository(clock);
    final InMemoryTenderRepository tenderRepository = new InMemoryTenderRepository();
    final RecordPipeline pipeline = new RecordPipeline(records, clock, List.<RecordProjection>of(
            new ProcurementProjection.Tenders(tenderRepository, clock), new ProcurementProjection.Bids(tenderRepository, clock)),
            new InMemoryStaffEventLog());
    /** A prefix of its own: OCID serials start at 1 in every portal database, and this network outlives the test. */
    final ProcurementPolicy policy = new ProcurementPolicy("ocds-" + UUID.randomUUID().toString().substring(0, 6),
            Duration.ofDays(7), "procurement.bidbox", ProcurementPolicy.BHUTAN);
    final TenderService tenders = new TenderService(pipeline, tenderRepository, new ProcuringEntities(), policy, clock);
    final InMemorySealedOpening.Envelopes envelopes = new InMemorySealedOpening.Envelopes();
    final OpeningKeys openingKeys = new OpeningKeys(new InMemorySealedOpening.Keys(), clock);
    final InMemorySealedOpening.Suppliers suppliers = new InMemorySealedOpening.Suppliers();
    final SealedBids sealedBids = new SealedBids(pipeline, tenderRepository, suppliers, envelopes, openingKeys,
            new SealedBidOpening(pipeline, tenderRepository, tenders, suppliers, envelopes, new InMemoryFileStore()),
            new EnvelopeSweeper(envelopes, new InMemorySealedOpening.Uses(suppliers, records, tenderRepository), ledger,
                    new EnvelopeSweepPolicy(Duration.ofHours(1), Duration.ofHours(1)), clock), ledger, policy, clock);
    final VerificationService verification = new VerificationService(records, ledger, new LedgerImprints(BidImprints.all()), clock);
    final OutboxProcessor processor = new OutboxProcessor(records, clock, pipeline);
    final LedgerSubmitter submitter;
    final Map<StaffMember, KeyPair> holderKeys = new LinkedHashMap<>();

    @TempDir
    Path dir;

    SealedBidAdversaryIT() {
        LedgerHealth health = new LedgerHealth();
        submitter = new LedgerSubmitter(ledger, processor, health, PortalHarness.SUBMITTER_POLICY,
                new LedgerBindingGuard(ledger, new InMemoryLedgerBindings(records), health, new InMemoryStaffEventLog(),
                        new LedgerCarryOver(records, new InMemoryAuditTrail(records), clock), clock), clock);
    }

    @BeforeAll
    static void connect() {
        realLedger = RealLedger.open();
        ledger = realLedger.ledger();
    }

    @AfterAll
    static void close() {
        if (realLedger != null) {
            realLedger.close();
        }
    }

    @Test
    void noBidderWithholdsNoOfficialOpensEarlyAndAnyoneRedoesTheOpening() throws Exception {
        for (StaffMember holder : List.of(CLERK, INSPECTOR, NOTARY)) {
            KeyPair pair = P256.generate(RANDOM);
            holderKeys.put(holder, pair);
            openingKeys.register(holder, Base64.getUrlEncoder().withoutPadding().encodeToString(pair.getPublic().getEncoded()));
        }
        Instant deadline = Instant.now().plusSeconds(45).truncatedTo(ChronoUnit.SECONDS);
        SubmissionAck published = tenders.publish(CLERK, "DES", new Tender.Terms("Bailey bridge at Wangdue, IT run",
                "Steel bailey bridge", ProcurementMethod.OPEN, MainCategory.WORKS, new BigDecimal("8400000.00"), null, deadline,
                List.of(new TenderItem("Bailey bridge span", new BigDecimal("1"), "set")), List.of()),
                openingKeys.openingOf(List.of("procurement.clerk", "inspector", "notary.clerk"), 2), Duration.ZERO);
        String tenderKey = published.recordKey();
        String ocid = tenderKey.substring("tender:".length());
        committed(tenderKey);
        LedgerEntry onLedger = ledger.readRecord(tenderKey).orElseThrow();
        assertTrue(onLedger.json().contains("\"sealed\":true"), onLedger.json());

        // Four suppliers lodge; the fourth never comes back (nobody needs it to).
        String a = lodge("CDB-IT-A", "Druk Builders", ocid, "8150000.00");
        String b = lodge("CDB-IT-B", "Yangphel Construction", ocid, "7990000.50");
        String c = lodge("CDB-IT-C", "Tashi Infra", ocid, "6000000.00");
        String d = lodge("CDB-IT-D", "Norbu Steel", ocid, "8300000.00");
        for (String key : List.of(a, b, c, d)) {
            committed(key);
        }
        assertEquals(bid(a).envelopeSha256(), ledger.readRecord(a).orElseThrow().hash(), "the ledger holds the envelope's hash");

        // A second live bid: refused by the portal, and by the ledger for a client that skips the portal.
        ValidationException second = assertThrows(ValidationException.class, () -> lodge("CDB-IT-A", "Druk Builders", ocid, "7000000.00"));
        assertEquals("sealedBid.oneBid", second.errors().get(0).code());
        SealedBidRecord first = bid(a);
        refused("ALREADY_EXISTS", ledger.submit(LedgerCall.of("LodgeSealedBid", "bid:" + ocid + ":99", tenderKey,
                sha256("another envelope".getBytes(StandardCharsets.UTF_8)), first.supplierCommitment(),
                jsonArray(first.shareHashes().stream().map(h -> sha256(h.getBytes(StandardCharsets.UTF_8))).toList()), "THIMPHU"),
                "procurement.bidbox"));

        // The inspector decrypts early (say it copied the envelopes) and posts before the deadline: the ledger refuses,
        // whether its client is honest or claims a time past the deadline.
        String inspectorShares = sharesJson(INSPECTOR, envelopeTexts(List.of(a, b, c, d)));
        refused("DEADLINE_NOT_REACHED", ledger.submit(LedgerCall.of("PostOpeningShares", tenderKey, "2", inspectorShares), "inspector"));
        long ahead = Duration.between(Instant.now(), deadline).toSeconds() + 35;
        ClockSkewIT.Outcome forged = ClockSkewIT.submit("+" + ahead + "s", "inspector", "PostOpeningShares", tenderKey, "2", inspectorShares);
        assertEquals("CLOCK_SKEW", forged.code(), forged.output());
        assertTrue(forged.clientClock().isAfter(deadline), "the forged client believed the deadline had passed: " + forged.clientClock());

        // An operator edits bid C's stored envelope after lodging.
        String cHash = bid(c).envelopeSha256();
        envelopes.overwrite(cHash, envelopes.get(cHash).orElseThrow().replace("\"k\":2,", "\"k\":2 ,"));

        while (Instant.now().isBefore(deadline.plusSeconds(2))) {
            Thread.sleep(250);
        }
        assertThrows(ValidationException.class, () -> lodge("CDB-IT-E", "Late Ltd", ocid, "1000.00"), "no bid after the deadline");

        // Holder 1 posts: one holder opens nothing.
        post(CLERK, ocid);
        ValidationException tooFew = assertThrows(ValidationException.class, () -> sealedBids.openAll(CLERK, ocid));
        assertEquals("sealedBid.open.shares", tooFew.errors().get(0).code());

        // Holder 3's organisation is Justice: the inspector cannot post for it, and Justice cannot post a wrong share.
        refused("ACCESS_DENIED", ledger.submit(LedgerCall.of("PostOpeningShares", tenderKey, "3",
                sharesJson(NOTARY, envelopeTexts(List.of(a, b, c, d)))), "inspector"));
        Map<String, String> wrong = new TreeMap<>();
        for (String key : List.of(a, b, c, d)) {
            byte[] share = new byte[SealedEnvelope.SHARE_LENGTH];
            RANDOM.nextBytes(share);
            share[0] = 3;
            wrong.put(key, Base64.getUrlEncoder().withoutPadding().encodeToString(share));
        }
        refused("COMMITMENT_MISMATCH", ledger.submit(LedgerCall.of("PostOpeningShares", tenderKey, "3", jsonObject(wrong)),
                "notary.clerk"));

        // Holder 2 posts; holder 3 never does. Two of three open every bid at once.
        post(INSPECTOR, ocid);
        SealedBids.OpeningReport report = sealedBids.openAll(CLERK, ocid);
        committed(tenderKey);
        for (String key : List.of(a, b, c, d)) {
            committed(key);
        }
        List<String> lines = report.opened().stream().map(BidVerdict::line).sorted().toList();
        assertEquals(List.of(a + " valid 8150000.00 BTN", b + " valid 7990000.50 BTN", c + " invalid hash-mismatch",
                d + " valid 8300000.00 BTN"), lines);
        assertEquals("opened", ledger.readRecord(d).orElseThrow().status(), "the bidder who never came back is opened too");
        LedgerEntry invalid = ledger.readRecord(c).orElseThrow();
        assertEquals("invalid", invalid.status());
        assertTrue(invalid.json().contains("hash-mismatch"), invalid.json());
        assertEquals("evaluation", ledger.readRecord(tenderKey).orElseThrow().status());
        assertEquals(LedgerVerification.Outcome.VERIFIED, verification.verifyOnLedger(b).outcome());

        // druk-verify.jar, as an inspector runs it, from the envelopes the portal hands out.
        Path ciphertexts = Files.createDirectories(dir.resolve("envelopes"));
        for (String key : List.of(a, b, c, d)) {
            String hash = bid(key).envelopeSha256();
            Files.writeString(ciphertexts.resolve(hash + ".json"), envelopes.get(hash).orElseThrow(), StandardCharsets.UTF_8);
        }
        Path out = dir.resolve("verify.out");
        Path err = dir.resolve("verify.err");
        Process verify = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "open-tender", ocid, "--ciphertexts", ciphertexts.toString(),
                "--connection", NetworkScript.connectionFile().toString(), "--identity", "inspector")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(verify.waitFor(2, TimeUnit.MINUTES), "druk-verify did not finish");
        String stdout = Files.readString(out);
        System.out.println("$ druk-verify open-tender " + ocid + "\n" + stdout + Files.readString(err));
        assertEquals(0, verify.exitValue(), Files.readString(err));
        assertEquals(lines, stdout.lines().toList(), "druk-verify agrees with the portal line for line");

        tenders.award(CLERK, ocid, null, b);
        committed(tenderKey);
        assertEquals("awarded", ledger.readRecord(tenderKey).orElseThrow().status());
    }

    String lodge(String supplierId, String name, String ocid, String price) {
        byte[] document = ("Bill of quantities of " + name + ", " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String bid = new SealedBidContent(ocid, supplierId, price, "BTN", List.of(new SealedBidContent.Document("boq.pdf",
                "document-1", sha256(document)))).toCanonicalJson();
        List<byte[]> spkis = holderKeys.values().stream().map(k -> k.getPublic().getEncoded()).toList();
        String envelope = EnvelopeSealer.seal(ocid, bid, List.of(document), spkis, 2).toCanonicalJson();
        return sealedBids.lodge(supplierId, name, ocid, envelope).recordKey();
    }

    /** What a holder's browser does after the deadline: its share of every envelope, null where it cannot read one. */
    void post(StaffMember holder, String ocid) {
        Map<String, String> shares = new TreeMap<>();
        sealedBids.envelopesToOpen(ocid).forEach((key, text) -> shares.put(key, share(holder, text)));
        sealedBids.postShares(holder, ocid, shares);
    }

    String share(StaffMember holder, String envelopeText) {
        KeyPair pair = holderKeys.get(holder);
        try {
            SealedEnvelope envelope = SealedEnvelope.parse(envelopeText);
            String mine = EnvelopeSealer.publicKeySha256((ECPublicKey) pair.getPublic());
            int index = envelope.holders().stream().filter(h -> h.publicKeySha256().equals(mine)).findFirst().orElseThrow().index();
            KeyShare share = ShareCipher.decrypt(envelope, index, pair.getPrivate(), (ECPublicKey) pair.getPublic());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(share.toBytes());
        } catch (ValidationException e) {
            return null;
        }
    }

    Map<String, String> envelopeTexts(List<String> bidKeys) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        for (String key : bidKeys) {
            texts.put(key, envelopes.get(bid(key).envelopeSha256()).orElseThrow());
        }
        return texts;
    }

    String sharesJson(StaffMember holder, Map<String, String> envelopeTexts) {
        Map<String, String> shares = new TreeMap<>();
        envelopeTexts.forEach((key, text) -> shares.put(key, share(holder, text)));
        return jsonObject(shares);
    }

    static String jsonObject(Map<String, String> values) {
        var json = jakarta.json.Json.createObjectBuilder();
        values.forEach((k, v) -> {
            if (v == null) {
                json.addNull(k);
            } else {
                json.add(k, v);
            }
        });
        return json.build().toString();
    }

    static String jsonArray(List<String> values) {
        var json = jakarta.json.Json.createArrayBuilder();
        values.forEach(json::add);
        return json.build().toString();
    }

    SealedBidRecord bid(String key) {
        return SealedBidRecord.fromJson(RecordKey.parse(key), RecordDocument.dataOf(pipeline.current(key).orElseThrow().canonicalJson()));
    }

    /**
     * Submits until the key's current version is committed: the opening's OpenBid calls read the
     * tender that its OpenBids call writes, so in one block some fail MVCC validation and are retried.
     */
    void committed(String key) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(90);
        submitter.submitDue();
        while (pipeline.current(key).orElseThrow().ledgerState() == LedgerState.PENDING && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
            submitter.submitDue();
        }
        RecordVersion v = pipeline.current(key).orElseThrow();
        assertEquals(LedgerState.COMMITTED, v.ledgerState(), () -> key + " v" + v.version() + ": " + v.rejectionCode() + " " + v.rejectionReason());
        RealLedger.completeReceipt(ledger, processor, v);
    }

    static void refused(String code, SubmissionOutcome outcome) {
        SubmissionOutcome.Refused refused = assertInstanceOf(SubmissionOutcome.Refused.class, outcome, () -> "expected " + code + ", got " + outcome);
        assertEquals(code, refused.code(), refused.message());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
