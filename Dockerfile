# Backbone Select: the same steps as scripts/setup.sh (npm ci and build, then pip install .),
# in two stages.

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
# Run-time system packages (Pango and fonts for PDFs): the list .ci/run installs too.
COPY scripts/runtime-packages.txt /tmp/runtime-packages.txt
RUN apt-get update \
 && grep -v '^#' /tmp/runtime-packages.txt \
    | xargs env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
 && rm -rf /var/lib/apt/lists/* /tmp/runtime-packages.txt
WORKDIR /src
COPY pyproject.toml LICENSE ./
COPY app ./app
COPY criteria ./criteria
COPY templates ./templates
COPY static/src ./static/src
COPY --from=assets /build/static/dist ./static/dist
# A package install, as scripts/run.sh does: the wheel carries templates, catalogue and assets.
RUN pip install --no-cache-dir . \
 && cd / && rm -rf /src \
 && useradd --system --uid 10001 --home /data backbone \
 && mkdir -p /data && chown backbone /data
WORKDIR /data
USER backbone
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz').status == 200 else 1)"
# BACKBONE_SECRET_KEY is required in production; DATABASE_URL selects PostgreSQL; WORKERS sets processes.
CMD ["sh", "-c", "backbone migrate && exec backbone serve --host 0.0.0.0 --port 8000 --workers ${WORKERS:-1}"]
