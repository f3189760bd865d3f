// comlink ships the Node adapter's types as node-adapter.d.ts beside node-adapter.mjs; this points the .mjs path at them.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
