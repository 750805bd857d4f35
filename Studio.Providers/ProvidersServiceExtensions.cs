using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Studio.Core.Providers;
using Microsoft.Extensions.Configuration;
using Studio.Core.Scripts;
using Studio.Core.Voice;
using Studio.Providers.ElevenLabs;
using Studio.Providers.Http;
using Studio.Providers.OpenAi;
using Studio.Providers.Espeak;
using Studio.Providers.Local;
using Studio.Providers.Media;
using Studio.Providers.Sim;

namespace Studio.Providers;

/// <summary>Registers Studio's video providers.</summary>
public static class ProvidersServiceExtensions
{
    /// <summary>
    /// Adds the providers, each with its options validated at start: the offline espeak-ng voice, the hosted voices
    /// (OpenAI, ElevenLabs), the chat script writer when configured, and the video providers — the <c>local</c> one
    /// (<see cref="LocalVideoProvider"/>, <c>Studio:Providers:Local</c>) and, unless <c>Studio:Providers:Sim:Enabled</c>
    /// is false, the <c>sim</c> one (<see cref="SimVideoProvider"/>, <c>Studio:Providers:Sim</c>) with its own
    /// <see cref="SimServer"/> started with the host when no <c>BaseUrl</c> is set. Needs Core's registrations
    /// (<c>AddStudioCore</c>): <c>IMediaEngine</c>, <c>StudioPaths</c>, <c>IFileStore</c>.
    /// </summary>
    public static IHostApplicationBuilder AddStudioProviders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<LocalProviderOptions>()
            .BindConfiguration(LocalProviderOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalProviderOptions>, LocalProviderOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProviderInputs>();
        services.TryAddSingleton<ProviderHealthBoard>();
        services.TryAddSingleton<IProviderHealth>(sp => sp.GetRequiredService<ProviderHealthBoard>());
        services.TryAddSingleton<LocalRenderRegistry>();
        services.TryAddSingleton<LocalClipRenderer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVideoProvider, LocalVideoProvider>());
        SimRegistration.AddSimProvider(builder);
        Luma.LumaRegistration.AddLumaProvider(builder);
        Runway.RunwayRegistration.AddRunwayProvider(builder);
        Pika.PikaRegistration.AddPikaProvider(builder);
        Stability.StabilityRegistration.AddStabilityProvider(builder);
        Sora.SoraRegistration.AddSoraProvider(builder);
        Veo.VeoRegistration.AddVeoProvider(builder);

        services.AddOptions<EspeakOptions>().BindConfiguration(EspeakOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVoiceEngine, EspeakVoiceEngine>());
        AddHostedVoices(builder);
        AddChatScriptWriter(builder);
        return builder;
    }

    /// <summary>OpenAI speech and ElevenLabs: always listed, refused at job creation until their API key is set.</summary>
    private static void AddHostedVoices(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OpenAiSpeechOptions>().BindConfiguration(OpenAiSpeechOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ElevenLabsOptions>().BindConfiguration(ElevenLabsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var openAi = builder.Configuration.GetSection(OpenAiSpeechOptions.Section).Get<OpenAiSpeechOptions>() ?? new OpenAiSpeechOptions();
        var elevenLabs = builder.Configuration.GetSection(ElevenLabsOptions.Section).Get<ElevenLabsOptions>() ?? new ElevenLabsOptions();
        services.AddHttpClient(OpenAiSpeechEngine.HttpClientName).AddHostedResilience(openAi.Timeout, openAi.RetryDelay, retries: 2);
        services.AddHttpClient(ElevenLabsVoiceEngine.HttpClientName).AddHostedResilience(elevenLabs.Timeout, elevenLabs.RetryDelay, retries: 2);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVoiceEngine, OpenAiSpeechEngine>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVoiceEngine, ElevenLabsVoiceEngine>());
    }

    /// <summary>When <c>Studio:ScriptWriter:Engine</c> is "chat", the chat model replaces Core's offline writer.</summary>
    private static void AddChatScriptWriter(IHostApplicationBuilder builder)
    {
        if (!string.Equals(builder.Configuration[$"{ScriptWriterOptions.Section}:Engine"], ScriptWriterOptions.Chat, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var services = builder.Services;
        services.AddOptions<ChatScriptWriterOptions>().BindConfiguration(ChatScriptWriterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var chat = builder.Configuration.GetSection(ChatScriptWriterOptions.Section).Get<ChatScriptWriterOptions>() ?? new ChatScriptWriterOptions();
        services.AddHttpClient(ChatScriptWriter.HttpClientName).AddHostedResilience(chat.Timeout, chat.RetryDelay, retries: 2);
        services.Replace(ServiceDescriptor.Singleton<IScriptWriter, ChatScriptWriter>());
    }
}
