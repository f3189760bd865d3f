# The `leadlab` command in a container: `docker build -t leadlab .`, then `docker run --rm -v "$PWD:/work" leadlab run`.
# Two stages: the first installs the locked dependencies and bundles the CLI; the second holds only what runs
# (the bundle, bin/leadlab.mjs and the runtime dependencies), runs as the unprivileged `node` user, and has no npm cache.
# NODE_IMAGE may name another Node 20.19+ image that has a `node` user, as the official node images do.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /build
COPY package.json package-lock.json ./
# Scripts are off: the only one that matters is our own `prepare`, which needs the sources copied below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY scripts ./scripts
COPY src ./src
RUN node scripts/build-cli.mjs && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /opt/leadlab
COPY --from=build /build/package.json ./package.json
COPY --from=build /build/node_modules ./node_modules
COPY --from=build /build/dist ./dist
COPY bin ./bin
RUN ln -s /opt/leadlab/bin/leadlab.mjs /usr/local/bin/leadlab && mkdir -p /work && chown node:node /work && leadlab --version
USER node
# Scenario and sweep files are read, and results written, relative to the working folder: mount yours here.
WORKDIR /work
ENTRYPOINT ["leadlab"]
CMD ["--help"]
