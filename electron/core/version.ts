// Kept in step with package.json by the release script; core must not read package.json at run
// time because the packaged app does not ship it beside core.
export const APP_VERSION = '0.1.0';
