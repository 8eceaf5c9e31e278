/**
 * The add-in's version, from package.json at build time (webpack's DefinePlugin sets
 * __APP_VERSION__ in webpack.config.js and webpack.workbench.js); "dev" where nothing set it (jest).
 */
declare const __APP_VERSION__: string | undefined;

export function appVersion(): string {
  return typeof __APP_VERSION__ === 'string' && __APP_VERSION__ !== '' ? __APP_VERSION__ : 'dev';
}
