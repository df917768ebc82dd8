/**
 * Staff account pages (issue 26): the administrator's list, create and edit forms with disable,
 * enable and second-factor reset; the public set-up page a one-time link opens, where the holder
 * chooses a password and enrols TOTP; and a staff member's own password change. The set-up link's
 * token is shown once and never logged.
 */
package bt.druk.registry.interfaces.web.staff;
