using System.Collections.Concurrent;
using PdfSharp;
using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace Superapps.Datasets.Features.Compliance;

/// <summary>
/// Fonts of the compliance PDF for PDFsharp: Liberation Sans (Arial-metric) from the machine's fonts folder, embedded (subset);
/// PDFsharp's bundled Segoe WP faces stand in when the files are missing. PDFsharp takes one resolver per process: when another
/// module installed its own first, this one becomes the fallback. Every family name resolves (names with "serif" but not "sans"
/// to Liberation Serif), so whichever resolver PDFsharp asks first, the other module's documents render too.
/// </summary>
internal sealed class ComplianceFontResolver : IFontResolver
{
    public const string Family = "Compliance Sans";

    private static readonly string[] FontDirectories =
    [
        "/usr/share/fonts/truetype/liberation",
        "/usr/share/fonts/truetype/liberation2",
        "/usr/share/fonts/liberation",
        "/usr/local/share/fonts/liberation",
    ];

    private static readonly Lock Gate = new();
    private static volatile bool s_ready;

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private ComplianceFontResolver()
    {
    }

    public static ComplianceFontResolver Instance { get; } = new();

    /// <summary>Declares PDFsharp's AGPL licence (the portal is AGPL) and installs the resolver, once per process.</summary>
    public static void EnsureRegistered()
    {
        if (s_ready)
        {
            return;
        }

        lock (Gate)
        {
            if (s_ready)
            {
                return;
            }

            PdfSharpLicense.SetAgplLicense();
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (GlobalFontSettings.FontResolver is not ComplianceFontResolver && GlobalFontSettings.FallbackFontResolver is null)
            {
                GlobalFontSettings.FallbackFontResolver = Instance;
            }

            s_ready = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var serif = familyName.Contains("serif", StringComparison.OrdinalIgnoreCase) && !familyName.Contains("sans", StringComparison.OrdinalIgnoreCase);
        var style = (bold, italic) switch
        {
            (true, true) => "BoldItalic",
            (true, false) => "Bold",
            (false, true) => "Italic",
            _ => "Regular",
        };
        return new FontResolverInfo((serif ? "LiberationSerif-" : "LiberationSans-") + style);
    }

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        foreach (var directory in FontDirectories)
        {
            var path = Path.Combine(directory, faceName + ".ttf");
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }

        return faceName.EndsWith("Bold", StringComparison.Ordinal) || faceName.EndsWith("BoldItalic", StringComparison.Ordinal)
            ? FontDataHelper.SegoeWPBold
            : FontDataHelper.SegoeWP;
    }
}
