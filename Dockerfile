# One image for the API, the worker and the projector (the command picks the process).
# The TypeScript runs as is on Node 24 (type stripping): no compile step, the same files as in dev.
FROM node:24-bookworm-slim AS web
WORKDIR /app/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json temporal.config.ts tsconfig.json ./
COPY src ./src
COPY --from=web /app/web/dist ./web/dist
USER node
EXPOSE 3000
CMD ["node", "src/bin/api.ts"]
