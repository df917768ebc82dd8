package bt.druk.registry.infrastructure.fabric;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;

/**
 * The channel's current configuration: read out of a config block, and the newest config block
 * asked of a peer through the existing fabric-gateway connection.
 *
 * <p>The peer's configuration system chaincode answers {@code cscc GetConfigBlock <channel>} with
 * the ledger's newest config block (core/scc/cscc/configure.go, getConfigBlock), under the ACL
 * {@code cscc/GetConfigBlock}, whose default is /Channel/Application/Readers
 * (core/aclmgmt/defaultaclprovider.go); the registry channel sets no ACLs of its own, so any
 * admin, peer or client of an application organisation may ask. The Fabric Gateway service
 * evaluates system chaincodes like installed ones (internal/pkg/gateway/registry.go, hasChaincode:
 * every peer "has" a system chaincode), so {@code network.getContract("cscc").evaluateTransaction}
 * works with no admin rights and no orderer connection.
 */
public final class ChannelConfigs {

    private ChannelConfigs() {
    }

    /** The configuration a config block carries: Block.data[0] → Envelope → Payload (type CONFIG) → ConfigEnvelope.config. */
    public static Config fromConfigBlock(byte[] blockBytes) {
        try {
            Block block = Block.parseFrom(blockBytes);
            if (block.getData().getDataCount() < 1) {
                throw new IllegalArgumentException("block " + block.getHeader().getNumber() + " holds no envelope");
            }
            Envelope envelope = Envelope.parseFrom(block.getData().getData(0));
            Payload payload = Payload.parseFrom(envelope.getPayload());
            ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            if (header.getType() != HeaderType.CONFIG_VALUE) {
                throw new IllegalArgumentException("block " + block.getHeader().getNumber() + " is not a config block (header type "
                        + header.getType() + ")");
            }
            ConfigEnvelope configEnvelope = ConfigEnvelope.parseFrom(payload.getData());
            if (!configEnvelope.hasConfig() || !configEnvelope.getConfig().hasChannelGroup()) {
                throw new IllegalArgumentException("config block " + block.getHeader().getNumber() + " has no channel group");
            }
            return configEnvelope.getConfig();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a Fabric config block: " + e.getMessage(), e);
        }
    }

    /** The bytes of the channel's newest config block, from a peer's cscc through the gateway. */
    public static byte[] latestConfigBlock(Network network) throws GatewayException {
        return network.getContract("cscc").evaluateTransaction("GetConfigBlock",
                network.getName().getBytes(StandardCharsets.UTF_8));
    }

    /** The channel's current configuration, from its newest config block. */
    public static Config current(Network network) throws GatewayException {
        return fromConfigBlock(latestConfigBlock(network));
    }
}
