'use strict';
// Caliper workload: RegisterTitle(key, hash, office, dzongkhag) as druk-bench.jar's raw-submit sends it
// (a fresh land-title key, a random SHA-256, the clerk's office and a dzongkhag it serves), as the land clerk.
const { WorkloadModuleBase } = require('@hyperledger/caliper-core');
const crypto = require('crypto');

class RegisterTitle extends WorkloadModuleBase {
  async initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext) {
    await super.initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext);
    this.sent = 0;
  }

  async submitTransaction() {
    this.sent++;
    const key = `land-title:${this.roundArguments.prefix}-${this.workerIndex}-${this.sent}`;
    return this.sutAdapter.sendRequests({
      contractId: this.roundArguments.chaincode,
      contractFunction: 'RegisterTitle',
      contractArguments: [key, crypto.randomBytes(32).toString('hex'), this.roundArguments.office,
        this.roundArguments.office === 'PARO' ? 'Paro' : 'Thimphu'],
      invokerIdentity: this.roundArguments.identity,
      readOnly: false,
    });
  }
}

module.exports.createWorkloadModule = () => new RegisterTitle();
