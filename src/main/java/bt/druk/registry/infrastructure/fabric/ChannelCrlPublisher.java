package bt.druk.registry.infrastructure.fabric;

import bt.druk.registry.infrastructure.fabric.ConfigUpdateEnvelopes.ConfigSigner;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigUpdate;
import org.hyperledger.fabric.protos.common.ConfigUpdateEnvelope;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.orderer.BroadcastResponse;

/**
 * Puts an organisation's CRLs into the channel configuration: the update of
 * {@link ChannelMspUpdate}, signed by {@code signers} (for an application organisation's MSP value:
 * one admin of that organisation, its mod_policy being {@code Admins} = OR('Org.admin')), wrapped
 * and signed by {@code submitter} (who must satisfy /Channel/Writers) and broadcast to an orderer.
 * The orderer answering SUCCESS means it accepted the update for ordering; the peers apply it when
 * they commit the next config block ({@link ChannelConfigs#current} then shows it).
 */
public final class ChannelCrlPublisher {

    /** What became of a request. */
    public sealed interface Outcome {
        /** The organisation's MSP already held exactly these CRLs: nothing was sent. */
        record Unchanged(long configSequence) implements Outcome {
        }

        /** The orderer accepted the update made from the config at {@code configSequence}. */
        record Accepted(long configSequence, ConfigUpdate update, BroadcastResponse response) implements Outcome {
        }
    }

    private ChannelCrlPublisher() {
    }

    /**
     * @throws IllegalArgumentException                    the organisation or a CRL is unusable (see {@link ChannelMspUpdate})
     * @throws OrdererBroadcast.BroadcastRefusedException the orderer refused the update (status and the validator's reason)
     * @throws IOException                                  the orderer could not be reached or did not answer
     */
    public static Outcome publish(Config current, String channelId, String mspId, List<byte[]> crls, List<ConfigSigner> signers,
            ConfigSigner submitter, OrdererBroadcast orderer, Duration timeout)
            throws GeneralSecurityException, IOException, OrdererBroadcast.BroadcastRefusedException {
        Optional<ConfigUpdate> update = ChannelMspUpdate.replaceRevocationList(current, channelId, mspId, crls);
        if (update.isEmpty()) {
            return new Outcome.Unchanged(current.getSequence());
        }
        ConfigUpdateEnvelope signed = ConfigUpdateEnvelopes.signedUpdate(update.get(), signers);
        Envelope envelope = ConfigUpdateEnvelopes.envelope(channelId, signed, submitter, Instant.now());
        return new Outcome.Accepted(current.getSequence(), update.get(), orderer.broadcast(envelope, timeout));
    }
}
