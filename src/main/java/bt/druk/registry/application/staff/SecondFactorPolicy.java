package bt.druk.registry.application.staff;

/**
 * Whether every staff account must sign in with a second factor (setting
 * {@code druk.staff.second-factor-required}; by default yes unless the portal seeds demo users).
 * Administrators must always, and an account with a factor is always asked for it.
 */
public record SecondFactorPolicy(boolean requiredOfEveryone) {
}
