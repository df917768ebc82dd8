/**
 * The procurement register's own tables that are not projections of records: supplier accounts,
 * whose contact is personal data and never leaves the portal's database.
 */
package bt.druk.registry.infrastructure.procurement;
