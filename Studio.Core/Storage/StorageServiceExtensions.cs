using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Studio.Core.Storage;

/// <summary>Registers the file store chosen by <see cref="StorageOptions.Provider"/>.</summary>
public static class StorageServiceExtensions
{
    /// <summary>Adds <see cref="IFileStore"/> and <see cref="IFileLinks"/>: the file system by default, an S3 bucket when configured.</summary>
    public static IServiceCollection AddStudioStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FileSystemFileStore>();
        services.AddSingleton<S3FileStore>();
        services.AddSingleton<NoFileLinks>();

        // Chosen when first resolved, from the validated options (so a test host's settings count too).
        services.AddSingleton<IFileStore>(sp => IsS3(sp) ? sp.GetRequiredService<S3FileStore>() : sp.GetRequiredService<FileSystemFileStore>());
        services.AddSingleton<IFileLinks>(sp => IsS3(sp) ? sp.GetRequiredService<S3FileStore>() : sp.GetRequiredService<NoFileLinks>());
        services.AddSingleton<DownloadLinks>();
        return services;
    }

    private static bool IsS3(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.S3;
}
