# syntax=docker/dockerfile:1
# Kartabl portal: the Angular build served by nginx, which also proxies /api to the API and
# answers /config.json from the container's environment (see portal.nginx.conf.template).
# Build from the repository root:  docker build -f infra/docker/portal.Dockerfile -t kartabl-portal .
ARG NODE_VERSION=20.20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The browser build needs no native server modules (sqlite3 …): skip install scripts.
RUN npm ci --ignore-scripts --no-audit --no-fund || npm install --ignore-scripts --no-audit --no-fund
COPY angular.json tsconfig.json ./
COPY portal ./portal
ENV NG_CLI_ANALYTICS=false
RUN npx ng build portal

FROM nginx:1.27-alpine
# Values substituted into the template by the nginx image's entrypoint (envsubst) at start.
ENV API_UPSTREAM=http://api:3000 \
    KEYCLOAK_URL=http://localhost:8180 \
    PORTAL_CLIENT_ID=kartabl-portal \
    NGINX_ENVSUBST_FILTER="^(API_UPSTREAM|KEYCLOAK_URL|PORTAL_CLIENT_ID)"
COPY infra/docker/portal.nginx.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /app/dist/portal/browser /usr/share/nginx/html
EXPOSE 80
