package bt.druk.registry.infrastructure.config;

import bt.druk.registry.domain.land.OfficeDzongkhags;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every setting the portal reads: its key, its environment variable, its default, how its value is
 * read and what it is for. {@code docs/settings.md} lists the same settings with the same defaults
 * ({@code SettingsTableTest} holds the two together), so a setting cannot be read under a name the
 * table does not give.
 *
 * <p>A value is the system property of the key, else the environment variable ({@link #environmentName()}),
 * read directly rather than through MicroProfile Config because the data source is created by the
 * server before the application's config is in place. A blank value counts as unset. A value that
 * cannot be read as its kind stops whatever reads it with the setting's name.
 *
 * <p>Values are looked up at each read, not cached: almost every reader reads once, when its bean
 * is made, and the tests set system properties between reads.
 */
public enum Setting {

    DATA_DIR("druk.data.dir", Kind.PATH, computed("`~/.druk-registry/data`"),
            "folder of the embedded database and the demo logins, and by default of the file and envelope stores"),
    HOME("druk.home", Kind.PATH, computed("the working directory"),
            "base folder for the relative paths of other settings"),
    DB_URL("druk.db.url", Kind.TEXT, computed("an H2 file `druk` in `druk.data.dir`"),
            "JDBC URL of the portal's database (H2 or PostgreSQL)"),
    DB_USER("druk.db.user", Kind.TEXT, computed("none"),
            "database user name"),
    DB_PASSWORD("druk.db.password", Kind.TEXT, empty(),
            "database password"),
    FABRIC_CONFIG("druk.fabric.config", Kind.PATH, literal("deploy/.network/connection.json"),
            "the Fabric connection file the network script writes (a relative path is under druk.home)"),
    FABRIC_READER("druk.fabric.reader", Kind.TEXT,
            computed("the first of `portal.reader`, `portal`, `inspector`, `admin` in the connection file"),
            "identity of the connection file that evaluates the portal's ledger reads"),
    FABRIC_CERTIFICATE_CHECK_SECONDS("druk.fabric.certificateCheckSeconds", Kind.WHOLE_NUMBER, literal("60"),
            "how often the certificates of the identities in the tokens are looked at and renewed when due"),
    LEDGER_ENABLED("druk.ledger.enabled", Kind.FLAG, literal("true"),
            "whether the ledger submitter and commit follower run at all"),
    LEDGER_WINDOW("druk.ledger.window", Kind.WHOLE_NUMBER, literal("128"),
            "ledger transactions in flight at most"),
    LEDGER_LEASE_SECONDS("druk.ledger.leaseSeconds", Kind.WHOLE_NUMBER, literal("120"),
            "how long a portal holds an outbox entry it is sending"),
    LEDGER_MAX_WAIT_SECONDS("druk.ledger.max-wait-seconds", Kind.WHOLE_NUMBER, literal("120"),
            "longest a version may wait to reach the ledger before /health/ready says DOWN"),
    LEDGER_BIND_TO("druk.ledger.bindTo", Kind.TEXT, computed("none"),
            "genesis block hash of the ledger the operator binds this database to"),
    LEDGER_BIND_BY("druk.ledger.bindBy", Kind.TEXT, literal("operator"),
            "who ordered that bind"),
    LEDGER_BIND_REASON("druk.ledger.bindReason", Kind.TEXT, computed("none"),
            "why that bind was ordered"),
    LEDGER_CHECK_CACHE_SECONDS("druk.ledgerCheck.cacheSeconds", Kind.LONG_NUMBER, literal("5"),
            "how long a public ledger check's answer is reused"),
    NODE_NAME("druk.node.name", Kind.TEXT, computed("host name and data folder"),
            "this portal's name on its outbox leases"),
    DEMO_SEED("druk.demo.seed", Kind.FLAG, literal("true"),
            "demo mode: seed demo staff and supplier users into an empty database"),
    DEMO_PASSWORD("druk.demo.password", Kind.TEXT, computed("none: a random password for each demo user"),
            "one password for every seeded demo user"),
    DEMO_CONTENT("druk.demo.content", Kind.FLAG, literal("false"),
            "load demo records onto the ledger of an empty database"),
    STAFF_SECOND_FACTOR_REQUIRED("druk.staff.second-factor-required", Kind.FLAG,
            computed("on, unless `druk.demo.seed` is on (demo mode)"),
            "whether every staff account must sign in with a second factor"),
    PASSWORD_ITERATIONS("druk.password.iterations", Kind.WHOLE_NUMBER, literal("210000"),
            "PBKDF2-HMAC-SHA-512 rounds of each password hash made from now on"),
    FILES_DIR("druk.files.dir", Kind.PATH, computed("`<druk.data.dir>/files`"),
            "folder of the off-chain file store"),
    FILES_MAX_BYTES("druk.files.maxBytes", Kind.TEXT, literal("20971520"),
            "largest file accepted, in bytes or e.g. 50MiB"),
    FILES_TYPES("druk.files.types", Kind.TEXT, literal("pdf,png,jpeg,docx,xlsx,odt,ods"),
            "kinds of file accepted"),
    ENVELOPES_DIR("druk.envelopes.dir", Kind.PATH, computed("`<druk.data.dir>/envelopes`"),
            "folder of sealed-bid envelopes"),
    ENVELOPES_GRACE_MINUTES("druk.envelopes.graceMinutes", Kind.WHOLE_NUMBER, literal("60"),
            "the envelope sweep never removes an envelope younger than this"),
    ENVELOPES_SWEEP_MINUTES("druk.envelopes.sweepMinutes", Kind.WHOLE_NUMBER, literal("60"),
            "how often the whole envelope folder is swept"),
    LAND_OFFICE_DZONGKHAGS("druk.land.officeDzongkhags", Kind.TEXT,
            literal(OfficeDzongkhags.DEFAULT_SETTING, "`PARO=Paro,Haa,Chhukha;THIMPHU=` the other 17 dzongkhags"),
            "which land office first registers the parcels of which dzongkhags"),
    LAND_NOTICE_PERIOD_SECONDS("druk.land.noticePeriodSeconds", Kind.LONG_NUMBER, literal("2592000"),
            "notice period of a land transfer before it can be finalised"),
    LAND_IMPORT_MAX_ROWS("druk.land.import.maxRows", Kind.WHOLE_NUMBER, literal("20000"),
            "most rows in one bulk-import file of thrams"),
    LAND_IMPORT_CHUNK_SIZE("druk.land.import.chunkSize", Kind.WHOLE_NUMBER, literal("100"),
            "rows the thram-import job registers per transaction"),
    LAND_IMPORT_CHUNK_PAUSE_MILLIS("druk.land.import.chunkPauseMillis", Kind.LONG_NUMBER, literal("0"),
            "pause between two chunks of a thram import"),
    LAND_AREA_TOLERANCE_PERCENT("druk.land.areaTolerancePercent", Kind.NUMBER, literal("5"),
            "how far a boundary's surveyed area may differ from the recorded area before a reason is required"),
    LAND_SLIVER_SQUARE_METRES("druk.land.sliverSquareMetres", Kind.NUMBER, literal("0.5"),
            "overlap with a registered parcel's boundary taken as survey noise between neighbours"),
    LAND_MINIMUM_PLOT_DECIMALS("druk.land.minimumPlotDecimals", Kind.NUMBER, literal("10"),
            "smallest plot a subdivision may make, in decimals (Land Act 2007: 10)"),
    LAND_FAMILY_CEILING_ACRES("druk.land.familyCeilingAcres", Kind.NUMBER, literal("25"),
            "most land one family (census household) may hold, in acres (Land Act 2007: 25)"),
    OCDS_PREFIX("druk.ocds.prefix", Kind.TEXT, literal("ocds-drk001"),
            "OCDS prefix of OCIDs"),
    PROCUREMENT_MIN_BID_PERIOD("druk.procurement.minBidPeriod", Kind.DURATION, literal("P7D"),
            "shortest time between publishing a tender and its bid deadline"),
    PROCUREMENT_BIDBOX_IDENTITY("druk.procurement.bidboxIdentity", Kind.TEXT, literal("procurement.bidbox"),
            "ledger identity that lodges and withdraws suppliers' sealed bids"),
    NOTARY_BATCH_SIZE("druk.notary.batchSize", Kind.WHOLE_NUMBER, literal("1024"),
            "documents of one clerk that cut a Merkle batch at once"),
    NOTARY_BATCH_MAX_WAIT_MILLIS("druk.notary.batchMaxWaitMillis", Kind.WHOLE_NUMBER, literal("2000"),
            "how long a batch's oldest document may wait before the batch is cut"),
    NOTARY_FIRST_SERIAL("druk.notary.firstSerial", Kind.WHOLE_NUMBER, literal("1"),
            "first serial of a year's notarisation numbers in a new database"),
    HTTP_TRUSTED_PROXIES("druk.http.trustedProxies", Kind.TEXT, computed("none"),
            "addresses and CIDR ranges of the reverse proxies in front of the portal"),
    RATELIMIT_BURST("druk.ratelimit.burst", Kind.NUMBER, literal("30"),
            "costly public requests one client address may make at once"),
    RATELIMIT_PER_SECOND("druk.ratelimit.perSecond", Kind.NUMBER, literal("10"),
            "costly public requests one client address may make per second after the burst"),
    RATELIMIT_CLIENTS("druk.ratelimit.clients", Kind.WHOLE_NUMBER, literal("10000"),
            "client addresses the rate limiter tracks at most"),
    VERIFY_KEEP_MILLIS("druk.verify.keepMillis", Kind.WHOLE_NUMBER, literal("1000"),
            "how long a found answer of GET /api/verify/<sha256> is sent again"),
    PAGECACHE_MAX_BYTES("druk.pagecache.maxBytes", Kind.LONG_NUMBER, literal("33554432"),
            "bytes of rendered public pages and documents kept in memory"),
    PUBLIC_BASE_URL("druk.public.base-url", Kind.TEXT, computed("the address the request arrived at"),
            "the portal's public address on certificates, proofs and OCDS releases"),
    CERTIFICATE_KEYSTORE("druk.certificate.keystore", Kind.TEXT,
            computed("none: a key made at start-up, logged as temporary"),
            "PKCS #12 keystore with the key that signs every certificate"),
    CERTIFICATE_KEYSTORE_PASSWORD("druk.certificate.keystore.password", Kind.TEXT, empty(),
            "the keystore's password"),
    CERTIFICATE_KEY_ALIAS("druk.certificate.key.alias", Kind.TEXT, computed("the keystore's first key"),
            "which key of the keystore signs");

    /** How a value is read; a value it cannot read stops the reader with the setting's name. */
    public enum Kind {
        TEXT("text", value -> value),
        WHOLE_NUMBER("a whole number", Integer::valueOf),
        LONG_NUMBER("a whole number", Long::valueOf),
        NUMBER("a number", Double::valueOf),
        FLAG("true or false", Setting::parseFlag),
        DURATION("an ISO-8601 duration such as P7D", Duration::parse),
        PATH("a path", Paths::get);

        private final String expected;
        private final Function<String, ?> parser;

        Kind(String expected, Function<String, ?> parser) {
            this.expected = expected;
            this.parser = parser;
        }

        Object read(String key, String value) {
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                throw new IllegalStateException(key + " is not " + expected + ": " + value, e);
            }
        }
    }

    /**
     * A setting's default: a value read like a configured one, or none when the reader works it out
     * (from another setting, the host, the request); {@code documented} is how the settings table
     * shows it.
     */
    public record Default(Optional<String> value, String documented) {
    }

    private final String key;
    private final Kind kind;
    private final Default fallback;
    private final String description;

    Setting(String key, Kind kind, Default fallback, String description) {
        this.key = key;
        this.kind = kind;
        this.fallback = fallback;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public Default defaultValue() {
        return fallback;
    }

    public String description() {
        return description;
    }

    /** The environment variable of this setting ({@link #environmentName(String)}). */
    public String environmentName() {
        return environmentName(key);
    }

    /**
     * The environment variable of a key: dots and hyphens become underscores, all upper case
     * ({@code druk.ledger.max-wait-seconds} ↔ {@code DRUK_LEDGER_MAX_WAIT_SECONDS}; a hyphen kept
     * would name a variable no shell can set). MicroProfile Config maps names the same way.
     */
    public static String environmentName(String key) {
        return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** The value set for this setting (system property, else environment variable), trimmed; empty when unset or blank. */
    public Optional<String> configured() {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentName());
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The value set, else the default; for a setting without a default value, use {@link #configured()}. */
    public String text() {
        return configured().or(fallback::value).orElseThrow(() -> new IllegalStateException(
                key + " has no default value; its reader works one out from configured()"));
    }

    public int wholeNumber() {
        return read(Kind.WHOLE_NUMBER);
    }

    public long longNumber() {
        return read(Kind.LONG_NUMBER);
    }

    public double number() {
        return read(Kind.NUMBER);
    }

    public boolean flag() {
        return read(Kind.FLAG);
    }

    /** The flag set, empty when unset: for a setting whose default depends on others. */
    public Optional<Boolean> configuredFlag() {
        return lookup(Kind.FLAG, this::configured);
    }

    public Duration duration() {
        return read(Kind.DURATION);
    }

    public Path path() {
        return read(Kind.PATH);
    }

    /** The path set, empty when unset: for a path whose default is worked out from another setting. */
    public Optional<Path> configuredPath() {
        return lookup(Kind.PATH, this::configured);
    }

    /** The value set, else the default, read as its kind. */
    private <T> T read(Kind expected) {
        return this.<T>lookup(expected, () -> Optional.of(text())).orElseThrow();
    }

    /**
     * The one lookup behind every typed read: the kind is checked before the value is looked up, so
     * a reader asking for the wrong kind learns that rather than that the setting has no default.
     */
    @SuppressWarnings("unchecked") // the typed readers above ask for T as their kind's parser makes it
    private <T> Optional<T> lookup(Kind expected, Supplier<Optional<String>> value) {
        if (kind != expected) {
            throw new IllegalStateException(key + " is " + kind + ", not " + expected);
        }
        return value.get().map(text -> (T) kind.read(key, text));
    }

    /** MicroProfile Config's words for true and their opposites; anything else is a mistake, not false. */
    private static Boolean parseFlag(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y", "on" -> true;
            case "false", "0", "no", "n", "off" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static Default literal(String value) {
        return new Default(Optional.of(value), "`" + value + "`");
    }

    private static Default literal(String value, String documented) {
        return new Default(Optional.of(value), documented);
    }

    private static Default empty() {
        return new Default(Optional.of(""), "empty");
    }

    private static Default computed(String documented) {
        return new Default(Optional.empty(), documented);
    }
}
