/** Argument validation at the process boundary: the schemas come from the contract table. */
export { apiArgs } from './contract'
export { batchId, fileName } from './contract/schemas'
