/** Entry of a browser web worker: serves the same simulation API as the Node worker threads, through comlink. */
import { expose } from 'comlink';
import { simApi } from '../worker/simApi';

expose(simApi);
