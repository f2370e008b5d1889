# syntax=docker/dockerfile:1
# Multi-stage build of a static watcher binary on a minimal non-root base.
#   docker build -t careers-watcher .
#   docker run -v careers-data:/data careers-watcher           # daemon
#   docker run -v careers-data:/data careers-watcher run       # one cycle
#   docker run -v careers-data:/data \
#     -v "$PWD/my.yaml:/etc/careers-watcher/config.yaml:ro" careers-watcher
# /data holds the snapshots (/data/snapshots, a git repository of its own).
# The config is /etc/careers-watcher/config.yaml ($WATCHER_CONFIG): the
# shipped one, or yours mounted over it as above. A bind mount of /data
# must be writable by user 65532. .dockerignore keeps .git, snapshots and
# build outputs out of the build context.

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath \
      -ldflags "-s -w -X github.com/careers-watcher/careers-watcher/internal/cli.Version=${VERSION}" \
      -o /out/watcher ./cmd/watcher \
 && mkdir -p /out/data/snapshots \
 && cp config.yaml /out/config.yaml

# distroless/static: CA certificates and tzdata (for CRON_TZ=), no shell,
# user nonroot (65532). The watcher needs no git binary (go-git).
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/watcher /usr/local/bin/watcher
COPY --from=build /out/config.yaml /etc/careers-watcher/config.yaml
COPY --from=build --chown=65532:65532 /out/data /data
# The shipped config keeps snapshots relative to the config file; in the
# container they go to the /data volume instead.
ENV WATCHER_CONFIG=/etc/careers-watcher/config.yaml \
    WATCHER_SNAPSHOTS=/data/snapshots
VOLUME ["/data"]
WORKDIR /data
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/watcher"]
CMD ["daemon"]
