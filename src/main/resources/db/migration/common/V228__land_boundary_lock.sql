-- The register's boundary lock (issue 30): a first registration with a boundary, a subdivision, a
-- merger or a boundary adjustment locks this one row before it checks its boundaries for overlaps
-- and holds it to its commit, so two clerks drawing over the same ground at the same moment cannot
-- both pass the check, each unable to see the other's uncommitted parcel.
CREATE TABLE land_boundary_lock (
    id  INT  NOT NULL PRIMARY KEY
);
INSERT INTO land_boundary_lock (id) VALUES (1);
