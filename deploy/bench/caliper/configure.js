'use strict';
// Writes Caliper's network and benchmark configuration for the network of deploy/network.sh:
// node configure.js CONNECTION.json OUT-DIR SECONDS IN-FLIGHT PREFIX [IDENTITY]
const fs = require('fs');
const path = require('path');
const [connectionFile, out, seconds, inFlight, prefix, identity = 'land.clerk'] = process.argv.slice(2);
const connection = JSON.parse(fs.readFileSync(connectionFile, 'utf8'));
const base = path.dirname(path.resolve(connectionFile));
const abs = (p) => path.resolve(base, p);
const id = connection.identities[identity];
if (!id) throw new Error(`no identity ${identity} in ${connectionFile}`);
const peer = connection.peers[id.mspId];
const host = peer.hostOverride || '';
const profile = {
  name: 'druk-registry', version: '1.0.0',
  client: { organization: id.mspId },
  organizations: { [id.mspId]: { mspid: id.mspId, peers: ['peer0'] } },
  peers: { peer0: { url: `grpcs://${peer.endpoint}`, tlsCACerts: { path: abs(peer.tlsCaCert) },
    grpcOptions: host ? { 'ssl-target-name-override': host, hostnameOverride: host } : {} } },
};
const network = {
  name: 'druk-registry', version: '2.0.0', caliper: { blockchain: 'fabric' },
  channels: [{ channelName: connection.channel || 'registry', contracts: [{ id: connection.chaincode || 'registry' }] }],
  organizations: [{ mspid: id.mspId,
    identities: { certificates: [{ name: identity, clientPrivateKey: { path: abs(id.privateKey) },
      clientSignedCert: { path: abs(id.certificate) } }] },
    connectionProfile: { path: path.join(out, 'profile.json'), discover: false } }],
};
const bench = {
  test: { name: 'druk-raw-submit', workers: { number: 2 },
    rounds: [{ label: 'RegisterTitle', txDuration: Number(seconds),
      rateControl: { type: 'fixed-load', opts: { transactionLoad: Number(inFlight) } },
      workload: { module: path.join(__dirname, 'workload.js'),
        arguments: { prefix, office: id.office || 'THIMPHU', identity, chaincode: connection.chaincode || 'registry' } } }] },
};
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'profile.json'), JSON.stringify(profile, null, 2));
fs.writeFileSync(path.join(out, 'network.json'), JSON.stringify(network, null, 2));
fs.writeFileSync(path.join(out, 'benchmark.json'), JSON.stringify(bench, null, 2));
