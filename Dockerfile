# BeMore silo: build with the SDK image, run on the smaller ASP.NET runtime image as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Building the Silo runs `npm ci` for the web console's browser libraries.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig BeMore.sln ./
COPY deploy/ deploy/
COPY src/ src/
RUN dotnet publish src/Silo/Silo.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Report PDFs need a font with Hangul glyphs (BeMore:Reports:FontPath defaults to NanumGothic).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-nanum && rm -rf /var/lib/apt/lists/*
# The image's unprivileged "app" account; the embedded profile's data folder must be writable by it.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
USER $APP_UID
ENV ASPNETCORE_URLS=http://+:8080
# 8080 is the API. 11111 is silo-to-silo traffic, which Orleans does not authenticate: it listens on the advertised
# address only and belongs on the cluster's private network, never published (BeMore:Cluster:TlsCertificatePath adds
# mutual TLS between nodes). No client gateway is opened.
EXPOSE 8080 11111
ENTRYPOINT ["dotnet", "BeMore.Silo.dll"]
