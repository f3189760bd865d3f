/** Entry of a Node worker thread (bundled to dist/worker.mjs): serves the simulation API through comlink's Node adapter. */
import { parentPort } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { exposeSimApi } from './simApi';

if (!parentPort) throw new Error('src/worker/nodeWorker.ts runs only as a worker thread');
exposeSimApi(nodeEndpoint(parentPort));
