# Backbone Select: the same steps as scripts/setup.sh, in two stages.

# Stage 1: front-end libraries from the npm registry (lock file), copied into static/dist.
FROM node:20-bookworm-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY scripts/build-assets.mjs scripts/
RUN npm run --silent build

# Stage 2: the Python service, run as a non-root user.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    BACKBONE_DATA_DIR=/data BACKBONE_ENVIRONMENT=production
WORKDIR /app
COPY pyproject.toml ./
COPY app ./app
COPY criteria ./criteria
COPY templates ./templates
COPY static/src ./static/src
COPY --from=assets /build/static/dist ./static/dist
RUN pip install --no-cache-dir -e . \
 && useradd --system --uid 10001 --home /app backbone \
 && mkdir -p /data && chown backbone /data
USER backbone
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz').status == 200 else 1)"
# BACKBONE_SECRET_KEY is required in production; DATABASE_URL selects PostgreSQL; WORKERS sets processes.
CMD ["sh", "-c", "backbone migrate && exec backbone serve --host 0.0.0.0 --port 8000 --workers ${WORKERS:-1}"]
