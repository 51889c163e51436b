# Assay in one image: Debian's Node 20 base, build tools and PostgreSQL's
# client tools from Debian's packages, everything else from npm. No other
# downloads (air-gapped registries mirror exactly these two sources).
#
#   docker compose up            (with PostgreSQL; see compose.yaml and README "Container")
#
# No secrets are baked in: AUTH_SECRET, DATABASE_URL and the signing key come
# from the environment at run time.
FROM node:20-bookworm-slim AS build
# python3/make/g++: better-sqlite3 compiles from source (no prebuilt download).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# npm 11 runs only the install scripts package.json allows (allowScripts).
RUN npm install -g npm@11
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# Generates the Prisma clients and builds Next once, with the stamp that lets
# `node scripts/start.mjs` go straight to serving.
RUN node scripts/start.mjs --build-only

FROM node:20-bookworm-slim
# pg_dump/pg_restore (PostgreSQL 15, as in compose.yaml) for `npm run cli -- backup`.
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client ca-certificates \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system assay && useradd --system --gid assay --home-dir /data --shell /usr/sbin/nologin assay \
 && mkdir -p /data && chown assay:assay /data && chmod 0700 /data
WORKDIR /app
# The code stays owned by root: the app user can read it, not change it.
COPY --from=build /app /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    ASSAY_DATA_DIR=/data \
    ASSAY_SHUTDOWN_GRACE_MS=25000
VOLUME ["/data"]
EXPOSE 3000
USER assay
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
# Node directly, not npm: the signal reaches start.mjs, which stops Next gracefully.
CMD ["node", "scripts/start.mjs"]
