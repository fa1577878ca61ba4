using System.Collections.Concurrent;
using PdfSharp;
using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace Superapps.Pdf;

/// <summary>
/// The fonts of every PDF the portal renders, for PDFsharp: Liberation Serif (metric-compatible with Times New Roman, the usual
/// face of naskah dinas) and Liberation Sans (Arial-metric; letterheads, reports), read from the machine's
/// <c>/usr/share/fonts/truetype/liberation</c> (scripts/prerequisites.sh installs them). When the files are missing, PDFsharp's
/// bundled Segoe WP faces stand in, so a document always renders. Fonts are embedded (subset) in every PDF.
/// </summary>
/// <remarks>
/// Use <see cref="Serif"/> or <see cref="Sans"/> as the family name. Other names resolve too: those naming "sans" or Arial to
/// Liberation Sans, every other one to Liberation Serif. Call <see cref="EnsureRegistered"/> before creating a document.
/// </remarks>
public sealed class PdfFontResolver : IFontResolver
{
    public const string Serif = "Superapps Serif";
    public const string Sans = "Superapps Sans";

    private static readonly string[] FontDirectories =
    [
        "/usr/share/fonts/truetype/liberation",
        "/usr/share/fonts/truetype/liberation2",
        "/usr/share/fonts/liberation",
        "/usr/local/share/fonts/liberation",
    ];

    private static readonly Lock Gate = new();
    private static volatile bool s_licensed;

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private PdfFontResolver()
    {
    }

    /// <summary>The one resolver of the process: PDFsharp's font settings are global and accept only one resolver.</summary>
    public static PdfFontResolver Instance { get; } = new();

    /// <summary>
    /// Prepares PDFsharp once per process, safely from several threads: declares its AGPL licence (PDFsharp 6.5 refuses to create
    /// documents without a declared licence; the portal is AGPL itself) and installs this resolver. Does nothing when both are
    /// done. When the host installed another resolver first, this one becomes PDFsharp's fallback so these fonts still resolve.
    /// </summary>
    public static void EnsureRegistered()
    {
        if (s_licensed && GlobalFontSettings.FontResolver is PdfFontResolver)
        {
            return;
        }

        lock (Gate)
        {
            if (!s_licensed)
            {
                PdfSharpLicense.SetAgplLicense();
                s_licensed = true;
            }

            var current = GlobalFontSettings.FontResolver;
            if (current is PdfFontResolver)
            {
                return;
            }

            if (current is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (GlobalFontSettings.FallbackFontResolver is null)
            {
                GlobalFontSettings.FallbackFontResolver = Instance;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var sans = familyName.Equals(Sans, StringComparison.OrdinalIgnoreCase)
            || familyName.Contains("sans", StringComparison.OrdinalIgnoreCase)
            || familyName.Equals("Arial", StringComparison.OrdinalIgnoreCase);
        var style = (bold, italic) switch
        {
            (true, true) => "BoldItalic",
            (true, false) => "Bold",
            (false, true) => "Italic",
            _ => "Regular",
        };
        return new FontResolverInfo((sans ? "LiberationSans-" : "LiberationSerif-") + style);
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

        // The machine lacks the Liberation fonts: PDFsharp's bundled faces (no italic among them).
        return faceName.EndsWith("Bold", StringComparison.Ordinal) || faceName.EndsWith("BoldItalic", StringComparison.Ordinal)
            ? FontDataHelper.SegoeWPBold
            : FontDataHelper.SegoeWP;
    }
}
