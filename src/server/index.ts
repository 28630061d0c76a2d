/**
 * The zwgk-kit-server package's library entry: mount the reference backend in your own Node server
 * (`createApp` + `createNodeHandler`), or start it as it is (`startServer`, or the `zwgk-kit-server` bin).
 */
export { API_BASE, createApp, type AppOptions } from './app.js';
export { createDemoServer, type DemoServer, type DemoServerOptions } from './demo.js';
export { createNodeHandler, startServer, type NodeHandler, type RunningServer, type StartServerOptions } from './node.js';
export { openApiDocument } from './openapi.js';
export { openStorage, migrate, MIGRATIONS, type StorageConfig } from './storage/index.js';
export type { Storage } from './storage/types.js';
