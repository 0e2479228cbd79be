# Weihai IP Marketplace: one image for the one deployable, Marketplace.Web.
# Build from the repository root:   docker build -t weihai-marketplace .
# Stages: client (esbuild bundle) -> build (dotnet publish) -> final (ASP.NET runtime, non-root).

# ---- 1. Browser bundle: client/ -> src/Marketplace.Web/wwwroot/js ----
FROM node:20-bookworm-slim AS client
WORKDIR /src/client
# Lock file first so the npm layer is reused until dependencies change.
COPY client/package.json client/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY client/ ./
# esbuild writes to ../src/Marketplace.Web/wwwroot/js, i.e. /src/src/Marketplace.Web/wwwroot/js
RUN npm run build

# ---- 2. Restore and publish with the .NET SDK ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Only what restore reads, so the restore layer is reused until a project or a version changes.
# (global.json pins the SDK feature band; Directory.Packages.props holds the central versions.)
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Marketplace.Domain/Marketplace.Domain.csproj src/Marketplace.Domain/
COPY src/Marketplace.Web/Marketplace.Web.csproj src/Marketplace.Web/
RUN dotnet restore src/Marketplace.Web/Marketplace.Web.csproj
COPY src/ src/
COPY --from=client /src/src/Marketplace.Web/wwwroot/js/ src/Marketplace.Web/wwwroot/js/
RUN dotnet publish src/Marketplace.Web -c Release -o /app/publish --no-restore -p:UseAppHost=false

# ---- 3. Runtime ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
# Headless Chromium and CJK fonts print the annual white paper to PDF (docs/decisions/0011); without them the
# PDF endpoint answers 503. The aspnet image is Debian, so these are Debian's packages.
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*
ENV WhitePaper__Browsers__0=/usr/bin/chromium
# /app/data holds the per-instance Lucene index (Search__Lucene__IndexPath defaults to /app/data/index);
# apart from /tmp it is the only folder the app writes, so it alone belongs to the non-root user.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
COPY --from=build /app/publish .
ENV ASPNETCORE_HTTP_PORTS=8080
# No HEALTHCHECK here: the aspnet image has no curl or wget. Orchestrators probe over HTTP
# (Kubernetes: /health/live and /health/ready); infra/compose.yaml uses a bash /dev/tcp probe.
EXPOSE 8080
# APP_UID (1654, user "app") is defined by the Microsoft base image.
USER $APP_UID
ENTRYPOINT ["dotnet", "Marketplace.Web.dll"]
