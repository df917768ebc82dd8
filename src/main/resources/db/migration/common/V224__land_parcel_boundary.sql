-- The surveyed boundary of a title's current version, for the overlap check of new registrations
-- and GET /api/parcels/<pin>/boundary: the boundary's canonical JSON (which names its CRS) and the
-- CRS code alone, so that the overlap index of one CRS loads without reading the others. Null for
-- titles without a boundary. VARCHAR(1000000) is valid in H2 and PostgreSQL alike (PostgreSQL
-- allows up to 10485760), so one migration serves both; about 40 000 vertices fit.
ALTER TABLE land_parcel ADD COLUMN boundary_json VARCHAR(1000000);
ALTER TABLE land_parcel ADD COLUMN boundary_crs VARCHAR(20);
CREATE INDEX ix_land_parcel_boundary_crs ON land_parcel (boundary_crs);
