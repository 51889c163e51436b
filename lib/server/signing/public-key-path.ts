/** Where the audit-pack public key is published (public: proxy.ts lets /.well-known through). */
export const PUBLIC_KEY_WELL_KNOWN_PATH = "/.well-known/assay-pack-signing-key.pem";
