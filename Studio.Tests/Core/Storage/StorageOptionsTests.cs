using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Studio.Core.Storage;
using Studio.Tests.Builders;

namespace Studio.Tests.Core.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Validate_NoConfiguration_FileSystemWithoutS3Settings_IsValid()
    {
        Errors(new StorageOptions()).Should().BeEmpty("the embedded default needs nothing");
    }

    [Fact]
    public void Validate_S3WithoutBucketOrKeys_NamesEachMissingSetting()
    {
        var errors = Errors(new StorageOptions { Provider = StorageProvider.S3 });

        errors.SelectMany(e => e.MemberNames).Should().BeEquivalentTo("S3.Bucket", "S3.AccessKey", "S3.SecretKey");
        errors.Should().OnlyContain(e => e.ErrorMessage!.StartsWith("Studio:Storage:S3: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_S3WithAServiceUrlThatIsNotHttp_IsRefused()
    {
        var options = new StorageOptions
        {
            Provider = StorageProvider.S3,
            S3 = new S3StorageOptions { ServiceUrl = "ftp://store:21", Bucket = "studio", AccessKey = "a", SecretKey = "s" },
        };

        Errors(options).Should().ContainSingle().Which.MemberNames.Should().Equal("S3.ServiceUrl");
    }

    [Fact]
    public void AddStudioStorage_ProviderS3_ResolvesTheS3StoreAndItsLinks_FailingAtStartWhenIncomplete()
    {
        using var complete = Provider(new()
        {
            ["Studio:Storage:Provider"] = "S3",
            ["Studio:Storage:S3:ServiceUrl"] = "http://127.0.0.1:9",
            ["Studio:Storage:S3:Bucket"] = "studio",
            ["Studio:Storage:S3:AccessKey"] = "key",
            ["Studio:Storage:S3:SecretKey"] = "secret",
        });
        complete.GetRequiredService<IFileStore>().Should().BeOfType<S3FileStore>();
        complete.GetRequiredService<IFileLinks>().Should().BeSameAs(complete.GetRequiredService<IFileStore>());

        using var incomplete = Provider(new() { ["Studio:Storage:Provider"] = "S3" });
        incomplete.Invoking(p => p.GetRequiredService<IOptions<StorageOptions>>().Value).Should().Throw<OptionsValidationException>();

        using var embedded = Provider([]);
        embedded.GetRequiredService<IFileStore>().Should().BeOfType<FileSystemFileStore>();
        embedded.GetRequiredService<IFileLinks>().ReadLink("assets/x", "image/png", null).Should().BeNull();
    }

    private static List<ValidationResult> Errors(StorageOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var folder = new TempFolder();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddOptions<Studio.Core.StudioOptions>().Configure(o => o.DataDirectory = folder.Path);
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new TestHostEnvironment(folder.Path));
        services.AddSingleton<StudioPaths>();
        services.AddStudioStorage();

        // Made by a factory, so the container deletes the folder when it is disposed.
        services.AddSingleton(_ => folder);
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<TempFolder>();
        return provider;
    }
}
