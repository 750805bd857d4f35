# syntax=docker/dockerfile:1
# Studio in one image: the same image is a web node, a worker or both (Studio__Roles), see README "Deploying".
#   docker build -t studio .
#   docker run -p 8080:8080 -v studio-data:/data studio        # the single box: SQLite and files under /data

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files alone, so that a code change does not download the packages again.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Studio.Core/Studio.Core.csproj Studio.Core/
COPY Studio.Providers/Studio.Providers.csproj Studio.Providers/
COPY Studio.App/Studio.App.csproj Studio.App/
RUN dotnet restore Studio.App/Studio.App.csproj

COPY appsettings.json ./
COPY Studio.Core/ Studio.Core/
COPY Studio.Providers/ Studio.Providers/
COPY Studio.App/ Studio.App/
RUN dotnet publish Studio.App/Studio.App.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# .NET 10's images are Ubuntu 24.04 "noble" (no Debian images ship for .NET 10): ffmpeg and espeak-ng come from its
# universe component, which the image's apt sources include. The font lands where Studio looks by default
# (/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf), as on Debian.
# FFmpeg (clips, assembly, upload checks), the caption font and the offline voice; curl for the HEALTHCHECK.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg fonts-dejavu-core espeak-ng curl \
    && rm -rf /var/lib/apt/lists/*

# The data folder (SQLite, files, scratch) and a folder for a key ring shared by several web nodes, owned by the
# image's non-root user ($APP_UID, "app"): named volumes mounted there start with this owner.
RUN mkdir -p /data /keys && chown "$APP_UID:$APP_UID" /data /keys

WORKDIR /app
COPY --from=build /app ./

ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    Studio__DataDirectory=/data \
    DOTNET_NOLOGO=1

USER $APP_UID
VOLUME /data
EXPOSE 8080

# Liveness only: a process waiting for its database is alive, not ready (/health/ready says that, for load balancers).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health/live || exit 1

ENTRYPOINT ["dotnet", "Studio.App.dll"]
