using MudBlazor;

namespace Studio.App.Components.Layout;

/// <summary>Studio's colours and type; system fonts only, since the app must work with no network.</summary>
internal static class StudioTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#5b3df5",
            Secondary = "#db2777",
            Tertiary = "#0ea5e9",
            AppbarBackground = "#17123a",
            Background = "#f6f5fb",
            DrawerBackground = "#ffffff",
            Success = "#16a34a",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Inter", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px" },
    };
}
