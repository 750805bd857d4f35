using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Studio.Tests.Fakes.Hostile;

namespace Studio.Tests.Api;

/// <summary>
/// The hostile-input corpus through <c>POST /api/assets</c>: every case refused with its status and a detail that says
/// why, and nothing left behind — no row, no stored file, no scratch file.
/// </summary>
public sealed class AssetsHostileUploadTests(AssetsAppFactory factory) : IClassFixture<AssetsAppFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    public static TheoryData<string> CaseNames => [.. HostileCorpus.Cases.Select(c => c.Name)];

    [Fact]
    public void Corpus_HasAtLeastFortyCases()
    {
        HostileCorpus.Cases.Should().HaveCountGreaterThanOrEqualTo(40).And.OnlyHaveUniqueItems(c => c.Name);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Upload_HostileInput_RefusedWithReasonAndNothingStored(string name)
    {
        var hostile = HostileCorpus.Cases.Single(c => c.Name == name);
        var before = await factory.StoredAsync();

        using var response = await _client.PostAsync("/api/assets", await hostile.Body());

        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(hostile.Status, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var detail = JsonNode.Parse(body)!["detail"]!.GetValue<string>();
        detail.Should().ContainEquivalentOf(hostile.Detail);
        (await factory.StoredAsync()).Should().Be(before).And.Be((before.Rows, before.Files, 0), "a refusal leaves no scratch file either");
    }

    [Fact]
    public async Task Upload_BodyFarOverTheLimit_413WithoutReadingIt()
    {
        // 1 GB that is never allocated: a PNG signature, then zeros made as they are read.
        var body = new CountingStream(HostileBytes.PngSignature, 1024L * 1024 * 1024);
        var before = await factory.StoredAsync();

        using var response = await _client.PostAsync("/api/assets", MultipartBody.Streamed(body, "huge.png"));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().Should().Contain("2 MB limit for image files");
        body.Produced.Should().BeLessThan(64L * 1024 * 1024, "the server stops reading just past the 2 MB limit");
        (await factory.StoredAsync()).Should().Be((before.Rows, before.Files, 0));
    }

    [Fact]
    public async Task Upload_Anonymous_401AndNothingStored()
    {
        var before = await factory.StoredAsync();
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var response = await anonymous.PostAsync("/api/assets", MultipartBody.Of(MultipartBody.File(await MediaSamples.GetAsync("png"), "a.png")));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await factory.StoredAsync()).Should().Be(before);
    }

    /// <summary>A read-only stream of <paramref name="head"/> then zeros up to <paramref name="length"/>, counting what was read.</summary>
    private sealed class CountingStream(byte[] head, long length) : Stream
    {
        public long Produced { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => Produced; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Produced);
            Array.Clear(buffer, offset, n);
            for (var i = 0; i < n && Produced + i < head.Length; i++)
            {
                buffer[offset + i] = head[Produced + i];
            }

            Produced += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
