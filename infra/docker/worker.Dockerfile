# syntax=docker/dockerfile:1
# Kartabl Temporal worker (task queue `kartabl`), run from TypeScript sources with tsx.
# Build from the repository root:  docker build -f infra/docker/worker.Dockerfile -t kartabl-worker .
# Scale out with more replicas: `docker compose up --scale worker=3`.
ARG NODE_VERSION=20.20

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# npm install is the fallback when npm ci rejects a lock file made on a single-platform registry.
RUN (npm ci --omit=dev --no-audit --no-fund || npm install --omit=dev --no-audit --no-fund) \
 && npm install -g --no-audit --no-fund "tsx@$(node -p "require('./package-lock.json').packages['node_modules/tsx'].version")"

# The Temporal Core SDK ships glibc binaries: keep a Debian (not Alpine) base.
FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /usr/local/lib/node_modules/tsx /usr/local/lib/node_modules/tsx
RUN ln -s /usr/local/lib/node_modules/tsx/dist/cli.mjs /usr/local/bin/tsx
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY domain ./domain
COPY workflows ./workflows
COPY activities ./activities
COPY db ./db
COPY worker ./worker
RUN mkdir -p /app/data && chown node:node /app/data
USER node
CMD ["tsx", "worker/main.ts"]
