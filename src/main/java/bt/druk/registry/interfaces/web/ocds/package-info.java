/**
 * Open data at stable URLs: the procurement register's OCDS release and record packages, served as
 * JSON to anyone, without a session.
 */
package bt.druk.registry.interfaces.web.ocds;
