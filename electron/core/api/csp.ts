// One Content-Security-Policy for both doors (Electron's app:// and web mode). antd writes its
// CSS-in-JS into <style> tags, so styles need 'unsafe-inline'; scripts never do.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
