/** Entry of the browser web worker that reads and fits call logs for the History section, through comlink. */
import { expose } from 'comlink';
import { historyApi } from '../worker/historyApi';

expose(historyApi);
