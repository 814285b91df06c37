using MudBlazor;

namespace JobsPortal.Components.Layout;

public static class AppTheme
{
    // System fonts only: the machines and many users have no internet for web fonts.
    private static readonly string[] Fonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        // Every colour that carries text reaches 4.5:1: as text on the surface and, for filled chips
        // and buttons, under its contrast text (white in light, near black in dark).
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fa8",
            Secondary = "#5c6b7a",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#a84b00",
            Error = "#c62828",
            AppbarBackground = "#16385f",
            TextSecondary = "rgba(0,0,0,0.68)",
            TextDisabled = "rgba(0,0,0,0.54)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb3ff",
            PrimaryContrastText = "#0b1726",
            Secondary = "#b0bec5",
            SecondaryContrastText = "#0b1726",
            Tertiary = "#80cbc4",
            TertiaryContrastText = "#0b1726",
            Info = "#64b5f6",
            InfoContrastText = "#0b1726",
            Success = "#81c784",
            SuccessContrastText = "#0b1726",
            Warning = "#ffb74d",
            WarningContrastText = "#0b1726",
            Error = "#ff8a80",
            ErrorContrastText = "#0b1726",
            Dark = "#c8c8cc",
            DarkContrastText = "#0b1726",
            AppbarBackground = "#0f1f33",
            TextPrimary = "rgba(255,255,255,0.92)",
            TextSecondary = "rgba(255,255,255,0.74)",
            TextDisabled = "rgba(255,255,255,0.55)",
            ActionDefault = "rgba(255,255,255,0.80)",
            DrawerText = "rgba(255,255,255,0.85)",
            DrawerIcon = "rgba(255,255,255,0.80)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
            H1 = new H1Typography { FontFamily = Fonts },
            H2 = new H2Typography { FontFamily = Fonts },
            H3 = new H3Typography { FontFamily = Fonts },
            H4 = new H4Typography { FontFamily = Fonts },
            H5 = new H5Typography { FontFamily = Fonts },
            H6 = new H6Typography { FontFamily = Fonts },
            Button = new ButtonTypography { FontFamily = Fonts },
            Body1 = new Body1Typography { FontFamily = Fonts },
            Body2 = new Body2Typography { FontFamily = Fonts },
        },
    };
}
