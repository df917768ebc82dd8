package bt.druk.registry.infrastructure.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Row of {@code staff_account} (migrations V200__staff_accounts.sql, V221__staff_account_setup.sql). SEQUENCE ids (pitfall 1). */
@Entity
@Table(name = "staff_account")
public class StaffAccountEntity {

    @Id
    @SequenceGenerator(name = "staff_account_seq", sequenceName = "staff_account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_account_seq")
    private Long id;

    @Column(name = "username", nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(name = "role", nullable = false, length = 16)
    private String role;

    @Column(name = "register_code", length = 16)
    private String registerCode;

    @Column(name = "office", length = 32)
    private String office;

    @Column(name = "agency", length = 32)
    private String agency;

    @Column(name = "totp_secret", length = 64)
    private String totpSecret;

    @Column(name = "totp_last_step")
    private Long totpLastStep;

    @Column(name = "recovery_code_hashes", length = 700)
    private String recoveryCodeHashes;

    @Column(name = "setup_token_hash", length = 64, unique = true)
    private String setupTokenHash;

    @Column(name = "setup_purpose", length = 16)
    private String setupPurpose;

    @Column(name = "setup_expires_at")
    private Instant setupExpiresAt;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getRegisterCode() { return registerCode; }
    public void setRegisterCode(String registerCode) { this.registerCode = registerCode; }
    public String getOffice() { return office; }
    public void setOffice(String office) { this.office = office; }
    public String getAgency() { return agency; }
    public void setAgency(String agency) { this.agency = agency; }
    public String getTotpSecret() { return totpSecret; }
    public void setTotpSecret(String totpSecret) { this.totpSecret = totpSecret; }
    public Long getTotpLastStep() { return totpLastStep; }
    public void setTotpLastStep(Long totpLastStep) { this.totpLastStep = totpLastStep; }
    public String getRecoveryCodeHashes() { return recoveryCodeHashes; }
    public void setRecoveryCodeHashes(String recoveryCodeHashes) { this.recoveryCodeHashes = recoveryCodeHashes; }
    public String getSetupTokenHash() { return setupTokenHash; }
    public void setSetupTokenHash(String setupTokenHash) { this.setupTokenHash = setupTokenHash; }
    public String getSetupPurpose() { return setupPurpose; }
    public void setSetupPurpose(String setupPurpose) { this.setupPurpose = setupPurpose; }
    public Instant getSetupExpiresAt() { return setupExpiresAt; }
    public void setSetupExpiresAt(Instant setupExpiresAt) { this.setupExpiresAt = setupExpiresAt; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getLastSignInAt() { return lastSignInAt; }
    public void setLastSignInAt(Instant lastSignInAt) { this.lastSignInAt = lastSignInAt; }
}
