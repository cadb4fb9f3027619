# syntax=docker/dockerfile:1
# Kartabl API (Express 5, run from TypeScript sources with tsx).
# Build from the repository root:  docker build -f infra/docker/api.Dockerfile -t kartabl-api .
# The same image also runs one-shot jobs (migrations/seed, Keycloak provisioning) in docker-compose.yml.
ARG NODE_VERSION=20.20

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
# Fallback toolchain for native modules (sqlite3) when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# npm install is the fallback when npm ci rejects a lock file made on a single-platform registry.
RUN (npm ci --omit=dev --no-audit --no-fund || npm install --omit=dev --no-audit --no-fund) \
 && npm install -g --no-audit --no-fund "tsx@$(node -p "require('./package-lock.json').packages['node_modules/tsx'].version")"

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY --from=deps /usr/local/lib/node_modules/tsx /usr/local/lib/node_modules/tsx
RUN ln -s /usr/local/lib/node_modules/tsx/dist/cli.mjs /usr/local/bin/tsx
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY domain ./domain
COPY workflows ./workflows
COPY activities ./activities
COPY db ./db
COPY api ./api
COPY infra/keycloak ./infra/keycloak
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["tsx", "api/main.ts"]
