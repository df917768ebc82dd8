/**
 * Staff and sign-in storage in the portal database (JPA), PBKDF2 password hashing, and the bundled
 * list of common passwords the password policy checks against (its source and licence beside it).
 */
package bt.druk.registry.infrastructure.staff;
