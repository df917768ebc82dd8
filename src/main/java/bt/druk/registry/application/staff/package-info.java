/**
 * The staff account use cases: sign-in checks and their throttle, an account's life from an
 * administrator's creation through its holder's set-up to disabling, and the demo users seeded on
 * an empty database. Every change to an account is logged for inspectors ({@code application.audit}).
 */
package bt.druk.registry.application.staff;
