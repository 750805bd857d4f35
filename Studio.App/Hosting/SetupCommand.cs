using Studio.Core.Templates;

namespace Studio.App.Hosting;

/// <summary><c>dotnet run --project Studio.App -- setup</c>: migrates the database and adds missing default templates, then exits.</summary>
internal static class SetupCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "setup";

    public static async Task<int> RunAsync(WebApplication app)
    {
        var result = await app.PrepareStudioAsync(announce: false);
        var templates = await app.Services.GetRequiredService<TemplateCatalog>().ListAsync(CancellationToken.None);
        Console.WriteLine($"Database is up to date; {templates.Count} templates: {string.Join(", ", templates.Select(t => t.Name))}.");
        if (result.GeneratedPassword is not null)
        {
            Console.WriteLine($"Created the admin {result.AdminEmail} with the password {result.GeneratedPassword} (shown this once).");
        }

        return 0;
    }
}
