// react-router's framework-mode module loader (lib/dom/ssr/routeModules.js) reads
// `import.meta.hot`, which cannot run as CommonJS under Jest. This app uses data mode and never
// loads route modules, so tests get this stand-in.
export async function loadRouteModule() {
  throw new Error('Route modules are not used by the Baton web app');
}
