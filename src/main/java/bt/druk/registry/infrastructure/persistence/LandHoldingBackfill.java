package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.application.land.LandProjection;
import bt.druk.registry.domain.land.LandHolding;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.LandTitleJson;
import bt.druk.registry.domain.record.Party;
import bt.druk.registry.domain.record.RecordDocument;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration V227: fills {@code land_holding} (V226) for the titles registered before it, from each
 * live title's current version, the way {@link LandProjection} fills it for every later one; without
 * it a family's land registered before the upgrade would count for nothing against the ceiling. SQL
 * cannot read the owners out of a title's document (they are commitments, resolved through
 * {@code record_party}), so this one migration is Java, run by {@link DatabaseMigrator} with the
 * others, in the migration's transaction. A database without titles (every new one) is unchanged.
 */
public class LandHoldingBackfill implements JavaMigration {

    /** Rows of titles read from the database at a time: a version with a surveyed boundary can be large. */
    private static final int FETCH = 200;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("227");
    }

    @Override
    public String getDescription() {
        return "land holding backfill";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        fill(context.getConnection());
    }

    /** Writes the holdings of every live title that has none yet; returns how many titles it filled. */
    static int fill(Connection connection) throws SQLException {
        int titles = 0;
        try (PreparedStatement read = connection.prepareStatement("SELECT p.record_key, v.canonical_json FROM land_parcel p"
                + " JOIN record_version v ON v.id = p.current_version_id"
                + " WHERE p.status <> 'RETIRED' AND NOT EXISTS (SELECT 1 FROM land_holding h WHERE h.record_key = p.record_key)"
                + " ORDER BY p.record_key");
             PreparedStatement party = connection.prepareStatement("SELECT name, cid, salt FROM record_party WHERE commitment = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO land_holding (record_key, cid, share, area_acres) VALUES (?, ?, ?, ?)")) {
            read.setFetchSize(FETCH);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    JsonObject data = RecordDocument.dataOf(rows.getString(2));
                    Map<String, Party> parties = new HashMap<>();
                    for (String commitment : LandTitleJson.commitmentsIn(data)) {
                        party.setString(1, commitment);
                        try (ResultSet found = party.executeQuery()) {
                            if (found.next()) {
                                parties.put(commitment, new Party(found.getString(1), found.getString(2), found.getString(3)));
                            }
                        }
                    }
                    LandTitle title = LandTitleJson.fromJson(data, commitment -> Optional.ofNullable(parties.get(commitment)));
                    for (LandHolding holding : LandProjection.holdingsOf(title)) {
                        insert.setString(1, rows.getString(1));
                        insert.setString(2, holding.cid());
                        insert.setString(3, holding.share().toString());
                        insert.setBigDecimal(4, holding.areaAcres());
                        insert.addBatch();
                    }
                    if (++titles % FETCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
        return titles;
    }
}
