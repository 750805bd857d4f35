using System.Text.RegularExpressions;
using Studio.Tests.E2E;

namespace Studio.Tests.App;

/// <summary>
/// The deployment files' key promises, read as text (there is no Docker engine where the tests run, so the image and
/// the compose file are never built or started here; this only keeps their promises from silently going away).
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string Root = StudioProcess.RepositoryRoot();

    [Fact]
    public void Dockerfile_BuildsInTheSdk_RunsPublishedOutputAsNonRootWithFfmpegAndADataVolume()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));

        FromLines().Matches(dockerfile).Select(m => m.Groups["image"].Value).Should().Equal(
            ["mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0"], "a multi-stage build: the SDK builds, the runtime image runs");
        dockerfile.Should().Contain("dotnet publish").And.Contain("COPY --from=build");
        var runtime = dockerfile[dockerfile.LastIndexOf("FROM ", StringComparison.Ordinal)..];
        runtime.Should().ContainAll("ffmpeg", "fonts-dejavu-core", "espeak-ng");
        var user = UserLines().Matches(runtime).Select(m => m.Groups["user"].Value).Should().ContainSingle().Subject;
        user.Should().Be("$APP_UID", "the image's non-root user, never root or 0");
        runtime.Should().MatchRegex(@"(?m)^VOLUME /data\s*$").And.MatchRegex(@"(?m)^EXPOSE 8080\s*$").And.Contain("Studio__DataDirectory=/data");
        runtime.Should().MatchRegex(@"(?ms)^HEALTHCHECK .*?/health/live");
    }

    [Fact]
    public void Dockerignore_KeepsBuildOutputAndTestsOut()
    {
        var ignored = File.ReadAllLines(Path.Combine(Root, ".dockerignore"));

        ignored.Should().Contain(["**/bin/", "**/obj/", "**/data/", "Studio.Tests/", ".git/"]);
    }

    [Fact]
    public void Compose_HasItsStores_TwoWebNodesAndTwoWorkers()
    {
        var services = ComposeServices();

        services.Keys.Should().Contain(["postgres", "redis", "minio", "nginx", "setup"]);
        services.Where(s => s.Value.Contains("Studio__Roles: Web\n", StringComparison.Ordinal)).Select(s => s.Key).Should().Equal("web-1", "web-2");
        var workers = services.Where(s => s.Value.Contains("Studio__Roles: Worker\n", StringComparison.Ordinal)).ToList();
        workers.Should().ContainSingle().Which.Value.Should().Contain("replicas: 2");
        services["setup"].Should().Contain("command: [\"setup\"]");
        File.ReadAllText(Path.Combine(Root, "compose.yaml")).Should().ContainAll(
            "Studio__Database__Provider: PostgreSql",
            "Studio__Database__ConnectionString:",
            "Studio__Redis__Connection:",
            "Studio__Storage__Provider: S3",
            "Studio__Storage__S3__ServiceUrl:",
            "Studio__Storage__S3__Bucket:",
            "Studio__Storage__S3__AccessKey:",
            "Studio__Storage__S3__SecretKey:");
    }

    [Fact]
    public void Compose_WebNodesTrustOnlyTheComposeNetwork_AndShareOneKeyRing()
    {
        var compose = File.ReadAllText(Path.Combine(Root, "compose.yaml"));
        var services = ComposeServices();
        var subnet = Subnet().Match(compose).Groups["net"].Value;

        subnet.Should().NotBeEmpty();
        foreach (var web in new[] { "web-1", "web-2" })
        {
            services[web].Should().Contain($"Studio__ForwardedHeaders__KnownNetworks__0: {subnet}").And.Contain("keys:/keys");
        }

        compose.Should().Contain("Studio__DataProtection__KeysFolder: /keys");
    }

    [Fact]
    public void Nginx_IsStickyAndPassesWebSocketsAndTheClient()
    {
        var nginx = File.ReadAllText(Path.Combine(Root, "deploy", "nginx", "studio.conf"));
        var upstream = Upstream().Match(nginx).Value;

        upstream.Should().Contain("ip_hash;", "a Blazor circuit lives in one web node");
        ServerLines().Matches(upstream).Select(m => m.Groups["host"].Value).Should().Equal("web-1", "web-2");
        nginx.Should().ContainAll(
            "proxy_set_header Upgrade $http_upgrade;",
            "proxy_set_header Connection $connection_upgrade;",
            "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
            "proxy_set_header X-Forwarded-Proto $scheme;",
            "proxy_http_version 1.1;");
    }

    /// <summary>compose.yaml's services, each with its block of text (two-space indented keys under <c>services:</c>).</summary>
    private static Dictionary<string, string> ComposeServices()
    {
        var lines = File.ReadAllText(Path.Combine(Root, "compose.yaml")).ReplaceLineEndings("\n").Split('\n');
        var services = new Dictionary<string, string>(StringComparer.Ordinal);
        var inServices = false;
        string? current = null;
        foreach (var line in lines)
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#'))
            {
                inServices = line == "services:";
                current = null;
                continue;
            }

            if (!inServices)
            {
                continue;
            }

            if (ServiceKey().Match(line) is { Success: true } key)
            {
                current = key.Groups["name"].Value;
                services[current] = string.Empty;
            }
            else if (current is not null)
            {
                services[current] += line + "\n";
            }
        }

        return services;
    }

    [GeneratedRegex(@"(?m)^FROM (?<image>\S+)")]
    private static partial Regex FromLines();

    [GeneratedRegex(@"(?m)^USER (?<user>\S+)")]
    private static partial Regex UserLines();

    [GeneratedRegex(@"(?m)^  (?<name>[a-z0-9-]+):\s*$")]
    private static partial Regex ServiceKey();

    [GeneratedRegex(@"subnet: (?<net>[0-9./]+)")]
    private static partial Regex Subnet();

    [GeneratedRegex(@"upstream studio_web \{[^}]*\}")]
    private static partial Regex Upstream();

    [GeneratedRegex(@"(?m)^\s*server (?<host>[a-z0-9-]+):8080")]
    private static partial Regex ServerLines();
}
