/**
 * Staff accounts: who may sign in and as what (role, register, agency, office), the rules a chosen
 * password must meet ({@link bt.druk.registry.domain.staff.PasswordPolicy}), the TOTP second factor
 * ({@link bt.druk.registry.domain.staff.Totp}) and one-time set-up links. Values and ports only;
 * hashing, storage and the bundled password list are in {@code infrastructure.staff}.
 */
package bt.druk.registry.domain.staff;
