# phasecert in a container: built on the Swift image, run on a slim Debian holding only the
# shared libraries the release binary needs (RUNTIME-LIBRARIES.txt in the release tarball;
# tests-packaging/docker-test checks this list against ldd of the binary).
#
#   docker build -t phasecert .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/repo" phasecert phase-close --all
#
# The repository is mounted at /repo, the working directory; reports are written into it.
# --user keeps the files it writes owned by you. The git history must be complete (a clone with
# its full history, not a shallow one). Released images: ghcr.io/phasecert/phasecert:X.Y.Z
# (.github/workflows/release.yml builds and pushes them on a vX.Y.Z tag).

ARG SWIFT_IMAGE=swift:6.3.1-bookworm
ARG RUNTIME_IMAGE=debian:12-slim

FROM ${SWIFT_IMAGE} AS build
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config binutils \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# scripts/release links the Swift runtime, libgit2 and cmark-gfm statically and checks the binary;
# the version and commit come from .git (in the build context), as for `phasecert --version`.
RUN scripts/release --out /dist --target "$(uname -m)-unknown-linux-gnu" \
    && mkdir /out \
    && tar -xzf /dist/phasecert-*.tar.gz -C /out --strip-components=1

FROM ${RUNTIME_IMAGE}
# Only what the binary links dynamically and the slim image lacks: libgssapi-krb5-2 and libssl3
# (libgit2's transports). glibc, libstdc++, libgcc, zlib and pcre2 are in the base image.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgssapi-krb5-2 libssl3 \
    && rm -rf /var/lib/apt/lists/* \
    && printf '[safe]\n\tdirectory = *\n' > /etc/gitconfig
# /etc/gitconfig: a mounted repository belongs to another user than the container's, which
# libgit2 refuses unless safe.directory allows it.
COPY --from=build /out/phasecert /usr/local/bin/phasecert
COPY --from=build /out/completions/ /usr/local/share/phasecert/completions/
COPY --from=build /out/man/phasecert.1 /usr/local/share/man/man1/phasecert.1
COPY --from=build /out/RUNTIME-LIBRARIES.txt /usr/local/share/phasecert/RUNTIME-LIBRARIES.txt
LABEL org.opencontainers.image.title="phasecert" \
      org.opencontainers.image.description="Phase reports computed from a repository's evidence" \
      org.opencontainers.image.source="https://github.com/phasecert/phasecert"
ENV HOME=/tmp
WORKDIR /repo
ENTRYPOINT ["phasecert"]
CMD ["--help"]
