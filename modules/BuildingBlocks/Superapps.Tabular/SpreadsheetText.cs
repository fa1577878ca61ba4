namespace Superapps.Tabular;

/// <summary>
/// The one rule against CSV and formula injection, for every export (XLSX and CSV): text that a spreadsheet would take for a
/// formula when it is opened, edited, pasted or saved again (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
/// carriage return) gets a leading apostrophe, as OWASP advises.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>True when a spreadsheet could read <paramref name="text"/> as a formula.</summary>
    public static bool LooksLikeFormula(string text) =>
        !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The text, with a leading apostrophe when a spreadsheet could read it as a formula.</summary>
    public static string NeutraliseFormula(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LooksLikeFormula(text) ? "'" + text : text;
    }
}
