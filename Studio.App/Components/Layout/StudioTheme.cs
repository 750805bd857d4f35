using MudBlazor;

namespace Studio.App.Components.Layout;

/// <summary>Studio's colours and type; system fonts only, since the app must work with no network.</summary>
internal static class StudioTheme
{
    private static readonly string[] Fonts = ["Inter", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#5b3df5",
            Secondary = "#db2777",
            Tertiary = "#0ea5e9",
            Info = "#2563eb",
            Success = "#16a34a",
            Warning = "#d97706",
            Error = "#dc2626",
            Dark = "#3f3a5a",
            AppbarBackground = "#17123a",
            Background = "#f6f5fb",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#2b2645",
            DrawerIcon = "#5f5a7a",
            TextPrimary = "#1d1836",
            TextSecondary = "#5f5a7a",
            LinesDefault = "#e6e3f2",
            Divider = "#e6e3f2",
            Skeleton = "#e9e6f5",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
            H4 = new H4Typography { FontFamily = Fonts, FontWeight = "700", FontSize = "1.9rem", LineHeight = "1.25", LetterSpacing = "-0.01em" },
            H6 = new H6Typography { FontFamily = Fonts, FontWeight = "650", FontSize = "1.1rem", LineHeight = "1.4" },
            Button = new ButtonTypography { FontFamily = Fonts, FontWeight = "600", TextTransform = "none", FontSize = ".9rem", LineHeight = "1.75" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px", DrawerWidthLeft = "232px" },
    };
}
