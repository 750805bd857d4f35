using Studio.App.Hosting;
using Studio.App.Hosting.Bench;
using Studio.Core;
using Studio.Providers;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRepositorySettings(builder.Environment);
if (BenchCommand.IsRequested(args))
{
    // Before the services: the bench may choose the database engine, Redis and this process's roles.
    await BenchCommand.ConfigureAsync(builder, args);
}

builder.AddStudioCore();
builder.AddStudioProviders();
builder.AddStudioApp();

var app = builder.Build();
if (SetupCommand.IsRequested(args))
{
    return await SetupCommand.RunAsync(app);
}

if (BenchCommand.IsRequested(args))
{
    return await BenchCommand.RunAsync(app, args);
}

await app.PrepareStudioAsync();
app.UseStudio();
await app.RunAsync();
return 0;

/// <summary>The web host's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
