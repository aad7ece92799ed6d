# syntax=docker/dockerfile:1
#
# Optional: the Baton web app on its own, served by an unprivileged nginx that proxies /api to
# the API. Not needed for a normal install: the API image already serves the same build at /.
# Use it when the web tier must be separate (e.g. a DMZ host, a CDN origin).
#
# The build context is the repository root (not docker/):
#   docker build -f docker/web.Dockerfile -t baton-web:0.1.0 .
#   docker run -p 8080:8080 -e BATON_API_URL=http://baton-api:3000 baton-web:0.1.0

ARG NODE_IMAGE=node:22-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.28-alpine

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

# --- deps-all: dev dependencies included (vite).
FROM base AS deps-all
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --ignore-scripts

# --- web-build: the single-page app (apps/web/dist).
FROM deps-all AS web-build
COPY tsconfig.base.json ./
COPY libs/ libs/
COPY workflows/ workflows/
COPY apps/web/ apps/web/
WORKDIR /app/apps/web
RUN /app/node_modules/.bin/vite build

# ---------------------------------------------------------------------------------------------
FROM ${NGINX_IMAGE} AS runtime
ARG NGINX_IMAGE
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=unknown

LABEL org.opencontainers.image.title="baton-web" \
      org.opencontainers.image.description="Baton lead handoff engine: web app behind nginx, /api proxied to the API" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.base.name="${NGINX_IMAGE}"

# Where /api goes. The nginx image's entrypoint fills ${BATON_API_URL} into the template below
# (envsubst) each time the container starts.
ENV BATON_API_URL=http://api:3000

COPY docker/nginx.conf /etc/nginx/templates/default.conf.template
COPY --from=web-build /app/apps/web/dist/ /usr/share/nginx/html/

# 101 is the image's unprivileged `nginx` user; it listens on 8080 (no root needed).
USER 101
EXPOSE 8080

HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
