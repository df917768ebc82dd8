/**
 * Geodesy for the land register: the inverse map projections of Bhutan's survey coordinate
 * systems, done with Proj4J behind the domain's {@code Wgs84Reprojection}, so that no other layer
 * depends on the projection library.
 */
package bt.druk.registry.infrastructure.geo;
