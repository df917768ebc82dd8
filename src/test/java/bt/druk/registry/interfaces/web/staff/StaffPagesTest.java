package bt.druk.registry.interfaces.web.staff;

import bt.druk.registry.testing.InMemoryRecordRepository;
import bt.druk.registry.testing.FakeStaffLedgerIdentities;
import bt.druk.registry.domain.ledger.StaffLedgerIdentities;
import bt.druk.registry.application.staff.StaffLedgerIdentityService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.audit.StaffActivity;
import bt.druk.registry.application.procurement.ProcuringEntities;
import bt.druk.registry.application.staff.SignInThrottle;
import bt.druk.registry.application.staff.StaffAccountService;
import bt.druk.registry.application.staff.StaffAccountService.SetupLink;
import bt.druk.registry.domain.land.OfficeDzongkhags;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.domain.staff.Totp;
import bt.druk.registry.domain.staff.TotpSecret;
import bt.druk.registry.interfaces.web.BundleMessages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import bt.druk.registry.testing.InMemorySignInStrikes;
import bt.druk.registry.testing.InMemoryStaffAccountRepository;
import bt.druk.registry.testing.InMemoryStaffEventLog;
import bt.druk.registry.testing.MutableClock;
import bt.druk.registry.testing.PlainPasswordHasher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The staff account pages' beans as the pages drive them, over the real {@link StaffAccountService}
 * on an in-memory repository: the administrator creates, edits, disables, enables and resets; the
 * holder of a set-up link sets a password and enrols TOTP; a staff member changes their password.
 */
class StaffPagesTest {

    static final StaffMember ADMIN = new StaffMember("admin", Role.ADMIN, null, null);
    static final String BASE = "https://registry.example.bt";
    static final String GOOD_PASSWORD = "prayer flags over dochula";

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T06:00:10Z"));
    final InMemoryStaffAccountRepository repository = new InMemoryStaffAccountRepository();
    final StaffAccountService service = new StaffAccountService(repository, new PlainPasswordHasher(),
            new SignInThrottle(clock, new InMemorySignInStrikes()), new StaffActivity(new InMemoryStaffEventLog(), clock),
            Set.of("password", "iloveyou")::contains, clock);
    final FakeStaffLedgerIdentities identities = new FakeStaffLedgerIdentities();
    final InMemoryRecordRepository records = new InMemoryRecordRepository(clock);
    final StaffLedgerIdentityService ledgerIdentities = new StaffLedgerIdentityService(identities, service,
            new StaffActivity(new InMemoryStaffEventLog(), clock), records);
    final RecordingMessages messages = new RecordingMessages();
    final SetupLinks links = new SetupLinks() {
        @Override
        public Shown shown(SetupLink link) {
            return new Shown(link.username(), url(BASE, link.token()), link.expiresAt(),
                    link.purpose() == bt.druk.registry.domain.staff.SetupGrant.Purpose.FACTOR);
        }
    };

    StaffPagesTest() {
        repository.save(new StaffAccount("admin", "Administrator", Role.ADMIN, null, null,
                new PlainPasswordHasher().hash("admin-password".toCharArray()), true, clock.instant(), null));
    }

    /** Field errors ("field:code") and page messages (their keys) instead of a Faces context. */
    static final class RecordingMessages extends BundleMessages {
        final List<String> shown = new ArrayList<>();

        @Override
        public void show(ValidationException e, String formId) {
            e.errors().forEach(error -> shown.add(formId + ":" + error.field() + ":" + error.code()));
        }

        @Override
        public void error(String clientId, String key, Object... args) {
            shown.add("error " + key);
        }

        @Override
        public void info(String clientId, String key, Object... args) {
            shown.add("info " + key);
        }

        @Override
        public void warn(String clientId, String key, Object... args) {
            shown.add("warn " + key);
        }
    }

    /** The set-up page's bean as a client at one address opens it (static: its view state is serialised). */
    static final class FixedClientSetupBean extends AccountSetupBean {
        private static final long serialVersionUID = 1L;

        @Override
        protected String client() {
            return "10.0.0.7";
        }
    }

    static CurrentStaff signedIn(StaffMember member) {
        return new CurrentStaff() {
            @Override
            public Optional<StaffMember> member() {
                return Optional.of(member);
            }

            @Override
            public StaffMember require() {
                return member;
            }

            @Override
            public void keepThisSessionAfterOwnChange() {
                // no session in these tests
            }

            @Override
            public String getUsername() {
                return member.username();
            }
        };
    }

    StaffAccountFormBean form() {
        StaffAccountFormBean bean = new StaffAccountFormBean();
        bean.accounts = service;
        bean.links = links;
        bean.ledgerIdentities = ledgerIdentities;
        bean.agencies = new ProcuringEntities();
        bean.landOffices = OfficeDzongkhags.DEFAULT;
        bean.currentStaff = signedIn(ADMIN);
        bean.messages = messages;
        return bean;
    }

    StaffAccountsBean list() {
        StaffAccountsBean bean = new StaffAccountsBean();
        bean.accounts = service;
        bean.links = links;
        bean.ledgerIdentities = ledgerIdentities;
        bean.clock = clock;
        bean.currentStaff = signedIn(ADMIN);
        bean.messages = messages;
        return bean;
    }

    AccountSetupBean setup(String token) {
        AccountSetupBean bean = new FixedClientSetupBean();
        bean.accounts = service;
        bean.messages = messages;
        bean.setToken(token);
        bean.begin();
        return bean;
    }

    static String token(SetupLinks.Shown shown) {
        return shown.url().substring((BASE + SetupLinks.PAGE + "?token=").length());
    }

    String codeNow(AccountSetupBean bean) {
        TotpSecret secret = new TotpSecret(bean.getSecret().replace(" ", ""));
        return Totp.code(secret.key(), Totp.step(clock.instant()));
    }

    SetupLinks.Shown createLandClerk() {
        StaffAccountFormBean form = form();
        form.setUsername("Pema.Lhamo");
        form.setDisplayName("Pema Lhamo");
        form.setRole(Role.CLERK);
        form.setRegister(Register.LAND);
        form.setAgency("NLCS");
        form.setOffice("PARO");
        assertNull(form.save(), "a new account stays on its page, which shows the link");
        return form.getShownLink();
    }

    @Nested
    class CreatingAndEditing {

        @Test
        void anAdministratorCreatesALandClerkAndSeesItsSetUpLinkOnce() {
            SetupLinks.Shown shown = createLandClerk();

            assertNotNull(shown);
            assertEquals("pema.lhamo", shown.username());
            assertTrue(shown.url().startsWith(BASE + "/account/setup.xhtml?token="), shown.url());
            assertEquals(clock.instant().plus(Duration.ofHours(24)), shown.expiresAt());
            assertFalse(shown.factorOnly());
            assertFalse(shown.toString().contains(token(shown)), "the token is never printed");
            StaffAccount account = repository.findByUsername("pema.lhamo").orElseThrow();
            assertEquals(new StaffAccount.Assignment("Pema Lhamo", Role.CLERK, Register.LAND, "NLCS", "PARO"), account.assignment());
            assertEquals("pema.lhamo", service.startSetup(token(shown)).username(), "the link shown is the account's");
            // Her own ledger identity, with the attributes the chaincode reads.
            assertEquals(new StaffLedgerIdentities.Holder("pema.lhamo", "LandMSP", "clerk", "land", "PARO", "NLCS"),
                    identities.holders.get("pema.lhamo"));
        }

        @Test
        void aCaThatDoesNotAnswerLeavesTheAccountMadeWithoutAnIdentityUntilItIsIssuedAgain() {
            identities.unreachable = true;
            StaffAccountFormBean form = form();
            form.setUsername("pema.lhamo");
            form.setRole(Role.CLERK);
            form.setRegister(Register.LAND);
            form.setOffice("PARO");
            form.save();
            assertNotNull(form.getShownLink(), "the account is made and its link shown");
            assertNull(form.getLedgerIdentity());
            assertTrue(form.getLedgerProblem().contains("did not answer"), form.getLedgerProblem());

            identities.unreachable = false;
            form.issueLedgerIdentity();
            assertEquals("LandMSP", form.getLedgerIdentity().mspId());
            assertNull(form.getLedgerProblem());
        }

        @Test
        void aClerkWithoutARegisterOrAnOfficeIsRefusedAtThoseFieldsAndNothingIsCreated() {
            StaffAccountFormBean form = form();
            form.setUsername("sonam");
            form.setRole(Role.CLERK);

            assertNull(form.save());

            assertEquals(List.of("account:register:staff.register.required", "account:office:staff.office.required"), messages.shown);
            assertNull(form.getShownLink());
            assertTrue(repository.findByUsername("sonam").isEmpty());
        }

        @Test
        void aTakenOrInvalidUserNameIsRefusedAtItsField() {
            createLandClerk();
            StaffAccountFormBean form = form();
            form.setUsername("pema.lhamo");
            form.setRole(Role.INSPECTOR);
            form.save();
            form.setUsername("1nvalid name");
            form.save();
            assertEquals(List.of("account:username:staff.username.taken", "account:username:staff.username.invalid"), messages.shown);
        }

        @Test
        void aDisplayNameWithTextDirectionCharactersIsRefusedAtItsFieldADzongkhaOneKept() {
            StaffAccountFormBean form = form();
            form.setUsername("kinley");
            form.setRole(Role.INSPECTOR);
            form.setDisplayName("Kinley\u202eWangmo");
            form.save();
            assertEquals(List.of("account:displayName:text.characters"), messages.shown);
            form.setDisplayName("ཀུན་ལེགས་ Kinley Wangmo");
            form.save();
            assertEquals("ཀུན་ལེགས་ Kinley Wangmo", repository.findByUsername("kinley").orElseThrow().displayName());
        }

        @Test
        void aRegisterChosenForAnInspectorIsIgnored() {
            StaffAccountFormBean form = form();
            form.setUsername("dorji");
            form.setRole(Role.INSPECTOR);
            form.setRegister(Register.LAND);
            form.save();
            assertNull(repository.findByUsername("dorji").orElseThrow().register());
        }

        @Test
        void anEditStartsFromTheAccountAndReturnsToTheListWithTheChange() {
            identities.unreachable = true; // made while the CA did not answer: no certificate names its office yet
            createLandClerk();
            identities.unreachable = false;
            StaffAccountFormBean form = form();
            form.setEditing("pema.lhamo");
            form.load();
            assertTrue(form.isFound());
            assertEquals("PARO", form.getOffice());
            assertEquals(Register.LAND, form.getRegister());

            form.setOffice("THIMPHU");
            form.setRegister(Register.NOTARY);
            assertEquals("/admin/staff?faces-redirect=true&saved=pema.lhamo", form.save());

            StaffAccount account = repository.findByUsername("pema.lhamo").orElseThrow();
            assertEquals("THIMPHU", account.office());
            assertEquals(Register.NOTARY, account.register());
            assertNull(form.getShownLink(), "an edit makes no set-up link");
        }

        @Test
        void whatTheCertificateOfAnIssuedIdentityNamesIsRefusedAtItsField() {
            createLandClerk();
            StaffAccountFormBean form = form();
            form.setEditing("pema.lhamo");
            form.load();
            form.setOffice("THIMPHU");
            messages.shown.clear();

            assertNull(form.save());

            assertEquals(List.of("account:office:staff.ledger.attributesFixed"), messages.shown);
            assertEquals("PARO", repository.findByUsername("pema.lhamo").orElseThrow().office());
        }

        @Test
        void anAdministratorCannotTakeTheRoleFromTheirOwnAccount() {
            StaffAccountFormBean form = form();
            form.setEditing("admin");
            form.load();
            form.setRole(Role.INSPECTOR);
            assertNull(form.save());
            assertEquals(List.of("error staff.ownRole"), messages.shown);
            assertEquals(Role.ADMIN, repository.findByUsername("admin").orElseThrow().role());
        }

        @Test
        void anUnknownAccountIsNotFound() {
            StaffAccountFormBean form = form();
            form.setEditing("nobody");
            form.load();
            assertFalse(form.isFound());
        }

        @Test
        void officesAreTheLandOfficesAndEveryOfficeAnAccountHasAgenciesTheReferenceData() {
            createLandClerk();
            repository.save(new StaffAccount("gelephu.clerk", new StaffAccount.Assignment(null, Role.CLERK, Register.NOTARY, null,
                    "GELEPHU"), "x", true, clock.instant(), null, null, null));
            assertEquals(List.of("GELEPHU", "PARO", "THIMPHU"), form().getOffices());
            assertTrue(form().getAgencies().stream().anyMatch(e -> e.code().equals("NLCS")));
        }
    }

    @Nested
    class TheList {

        @Test
        void everyAccountIsListedWithItsStateAndFactor() {
            createLandClerk();
            List<StaffAccountsBean.Row> rows = list().getAccounts();
            assertEquals(List.of("admin", "pema.lhamo"), rows.stream().map(StaffAccountsBean.Row::username).toList());
            StaffAccountsBean.Row clerk = rows.get(1);
            assertTrue(clerk.enabled());
            assertFalse(clerk.factorEnrolled());
            assertTrue(clerk.setupPending());
            assertEquals("PARO", clerk.office());
            assertTrue(list().isSelf(rows.get(0)));
            assertFalse(list().isSelf(clerk));
        }

        @Test
        void disablingIsAskedOnceMoreAndDoneOnlyWhenConfirmed() {
            createLandClerk();
            StaffAccountsBean bean = list();
            bean.ask("DISABLE", "pema.lhamo");
            assertTrue(bean.isConfirming());
            assertEquals("staff.confirm.disable", bean.getConfirmQuestionKey());
            assertTrue(repository.findByUsername("pema.lhamo").orElseThrow().enabled(), "nothing done before the confirmation");

            bean.cancel();
            assertFalse(bean.isConfirming());
            assertTrue(repository.findByUsername("pema.lhamo").orElseThrow().enabled());

            bean.ask("DISABLE", "pema.lhamo");
            bean.confirm();
            assertFalse(repository.findByUsername("pema.lhamo").orElseThrow().enabled());
            assertTrue(identities.find("pema.lhamo").orElseThrow().revoked(), "no write of hers waits: revoked at once");
            assertTrue(messages.shown.contains("info staff.ledger.revoked"), messages.shown.toString());
            assertFalse(bean.getAccounts().get(1).enabled(), "the list is read again");

            // Her identity is revoked: enabling would give back an account whose writes the ledger refuses.
            bean.ask("ENABLE", "pema.lhamo");
            bean.confirm();
            assertFalse(repository.findByUsername("pema.lhamo").orElseThrow().enabled());
            assertEquals(List.of("info staff.done.disabled", "info staff.ledger.revoked", "error staff.ledger.enableRevoked"), messages.shown);

            // One disabled while its CA could not be reached still has its identity, and is enabled again.
            service.createAccount(ADMIN, "sonam.clerk", new StaffAccount.Assignment(null, Role.CLERK, Register.LAND, null, "PARO"));
            ledgerIdentities.issueFor(ADMIN, "sonam.clerk");
            identities.unreachable = true;
            bean.ask("DISABLE", "sonam.clerk");
            bean.confirm();
            assertTrue(messages.shown.contains("warn staff.ledger.revokeFailed"), messages.shown.toString());
            identities.unreachable = false;
            bean.ask("ENABLE", "sonam.clerk");
            bean.confirm();
            assertTrue(repository.findByUsername("sonam.clerk").orElseThrow().enabled());
            assertEquals("info staff.done.enabled", messages.shown.get(messages.shown.size() - 1));
        }

        @Test
        void anAdministratorCannotDisableThemselves() {
            StaffAccountsBean bean = list();
            bean.ask("DISABLE", "admin");
            bean.confirm();
            assertEquals(List.of("error staff.notOwn"), messages.shown);
            assertTrue(repository.findByUsername("admin").orElseThrow().enabled());
        }

        @Test
        void aResetShowsANewLinkOnceForTheFactorOnlyAndTheNextActionForgetsIt() {
            SetupLinks.Shown first = createLandClerk();
            AccountSetupBean setup = setup(token(first));
            setup.setPassword(GOOD_PASSWORD);
            setup.setConfirmPassword(GOOD_PASSWORD);
            setup.setCode(codeNow(setup));
            setup.complete();
            assertTrue(setup.isDone());

            StaffAccountsBean bean = list();
            bean.ask("RESET", "pema.lhamo");
            assertNull(bean.getShownLink());
            bean.confirm();
            SetupLinks.Shown shown = bean.getShownLink();
            assertNotNull(shown);
            assertTrue(shown.factorOnly());
            assertNull(repository.findByUsername("pema.lhamo").orElseThrow().secondFactor(), "the old factor ends at once");

            AccountSetupBean again = setup(token(shown));
            assertFalse(again.isPasswordAsked(), "a reset keeps the password");

            bean.ask("DISABLE", "pema.lhamo");
            assertNull(bean.getShownLink(), "shown once");
        }
    }

    @Nested
    class SettingUp {

        @Test
        void theHolderSeesTheKeySetsAPasswordProvesACodeAndGetsTenRecoveryCodes() {
            AccountSetupBean bean = setup(token(createLandClerk()));

            assertTrue(bean.isReady());
            assertTrue(bean.isPasswordAsked());
            assertEquals("pema.lhamo", bean.getUsername());
            assertTrue(bean.getSecret().matches("([A-Z2-7]{4} )+[A-Z2-7]{1,4}"), bean.getSecret());
            assertTrue(bean.getKeyUri().startsWith("otpauth://totp/"), bean.getKeyUri());
            assertTrue(bean.getKeyUri().contains("secret=" + bean.getSecret().replace(" ", "")));
            assertTrue(bean.getQrCode().startsWith("data:image/svg+xml;base64,"));

            bean.setPassword(GOOD_PASSWORD);
            bean.setConfirmPassword(GOOD_PASSWORD);
            bean.setCode(codeNow(bean));
            bean.complete();

            assertEquals(List.of(), messages.shown);
            assertTrue(bean.isDone());
            assertFalse(bean.isReady());
            assertEquals(10, bean.getRecoveryCodes().size());
            assertNull(bean.getToken(), "the token is forgotten");
            assertNull(bean.getPassword());
            assertTrue(service.authenticate("pema.lhamo", GOOD_PASSWORD.toCharArray(), "10.0.0.7").isPresent());
            assertNotNull(repository.findByUsername("pema.lhamo").orElseThrow().secondFactor());
        }

        @Test
        void anOpenedLinkKeepsItsKeyInAViewStateThatCanBeSerialised() throws Exception {
            AccountSetupBean bean = setup(token(createLandClerk()));
            bean.messages = null; // the container's is a serialisable proxy; the test's records
            var bytes = new java.io.ByteArrayOutputStream();
            try (var out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(bean);
            }
            try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                AccountSetupBean read = (AccountSetupBean) in.readObject();
                assertEquals(bean.getSecret(), read.getSecret());
                assertTrue(read.isPasswordAsked());
            }
        }

        @Test
        void twoDifferentPasswordsAreRefusedAtTheSecondAndNothingIsSaved() {
            AccountSetupBean bean = setup(token(createLandClerk()));
            bean.setPassword(GOOD_PASSWORD);
            bean.setConfirmPassword(GOOD_PASSWORD + "!");
            bean.setCode(codeNow(bean));
            bean.complete();
            assertEquals(List.of("setup:confirmPassword:staff.password.mismatch"), messages.shown);
            assertTrue(bean.isReady(), "the same key stays on the page");
            assertNull(repository.findByUsername("pema.lhamo").orElseThrow().secondFactor());
        }

        @Test
        void aWrongCodeOrAWeakPasswordIsRefusedAtItsField() {
            AccountSetupBean bean = setup(token(createLandClerk()));
            bean.setPassword(GOOD_PASSWORD);
            bean.setConfirmPassword(GOOD_PASSWORD);
            bean.setCode("000000".equals(codeNow(bean)) ? "111111" : "000000");
            bean.complete();
            bean.setPassword("short");
            bean.setConfirmPassword("short");
            bean.setCode(codeNow(bean));
            bean.complete();
            assertEquals(List.of("setup:code:staff.totp.wrong", "setup:password:staff.password.short"), messages.shown);
            assertFalse(bean.isDone());
        }

        @Test
        void anUnknownUsedOrExpiredLinkSaysSoAndOffersNothing() {
            assertTrue(setup("no-such-token").isInvalid());
            assertTrue(setup(null).isInvalid());

            String token = token(createLandClerk());
            clock.advance(Duration.ofHours(25));
            AccountSetupBean expired = setup(token);
            assertTrue(expired.isInvalid());
            assertFalse(expired.isReady());
            assertNull(expired.getSecret());
            assertTrue(expired.getInvalidText().contains("not valid"), expired.getInvalidText());
        }
    }

    @Nested
    class OwnPassword {

        PasswordChangeBean bean() {
            PasswordChangeBean bean = new PasswordChangeBean() {
                @Override
                protected String client() {
                    return "10.0.0.7";
                }
            };
            bean.accounts = service;
            bean.currentStaff = signedIn(ADMIN);
            bean.messages = messages;
            return bean;
        }

        @Test
        void theCurrentPasswordAndTheNewOneTwiceChangeIt() {
            PasswordChangeBean bean = bean();
            bean.setCurrentPassword("admin-password");
            bean.setNewPassword(GOOD_PASSWORD);
            bean.setConfirmPassword(GOOD_PASSWORD);
            bean.change();
            assertTrue(bean.isChanged());
            assertEquals(List.of("info password.changed"), messages.shown);
            assertNull(bean.getNewPassword(), "no password is shown again");
            assertTrue(service.authenticate("admin", GOOD_PASSWORD.toCharArray(), "10.0.0.7").isPresent());
        }

        @Test
        void aWrongCurrentPasswordOrTwoDifferentNewOnesAreRefusedAtTheirFields() {
            PasswordChangeBean bean = bean();
            bean.setCurrentPassword("wrong");
            bean.setNewPassword(GOOD_PASSWORD);
            bean.setConfirmPassword(GOOD_PASSWORD);
            bean.change();
            bean.setCurrentPassword("admin-password");
            bean.setNewPassword(GOOD_PASSWORD);
            bean.setConfirmPassword("something else entirely");
            bean.change();
            bean.setCurrentPassword("admin-password");
            bean.setNewPassword("iloveyou");
            bean.setConfirmPassword("iloveyou");
            bean.change();
            assertEquals(List.of("password:currentPassword:staff.password.current", "password:confirmPassword:staff.password.mismatch",
                    "password:newPassword:staff.password.short"), messages.shown);
            assertFalse(bean.isChanged());
            assertTrue(service.authenticate("admin", "admin-password".toCharArray(), "10.0.0.7").isPresent());
        }
    }
}
