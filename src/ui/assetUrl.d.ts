/** Vite's `?url` imports: the address of a file copied into the built site. */
declare module '*?url' {
  const url: string;
  export default url;
}
