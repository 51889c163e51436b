// @ts-check
const { version } = require("./package.json");

// Headers that apply to every response, including static files and route
// handlers the proxy does not touch. The CSP itself is set per request in
// proxy.ts because it carries a nonce.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  env: { ASSAY_VERSION: version },
  // Native or wasm-backed modules stay in node_modules instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "@react-pdf/renderer", "unpdf", "mammoth"],
  // `npm test` runs `tsc --noEmit` over the whole repo (tests included); doing it
  // again inside `next build` would only slow down `npm start`.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
    // forbidden() answers a page the role may not open with 403 at its own address (app/forbidden.tsx).
    authInterrupts: true,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
