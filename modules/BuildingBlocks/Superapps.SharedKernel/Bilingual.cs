using System.Globalization;

namespace Superapps.SharedKernel;

/// <summary>
/// Picks the Indonesian or English text by the current UI culture. Both texts stand side by side
/// where they are used, so a missing translation shows in review (docs/adr/0007-bilingual-text.md).
/// </summary>
public static class Bilingual
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string indonesian, string english) => IsEnglish ? english : indonesian;
}
