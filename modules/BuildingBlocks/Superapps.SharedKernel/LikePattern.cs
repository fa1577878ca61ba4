namespace Superapps.SharedKernel;

/// <summary>Builds SQL LIKE/ILIKE patterns from what a user typed, with the wildcards they typed taken literally.</summary>
public static class LikePattern
{
    /// <summary>"%text%": matches the text anywhere.</summary>
    public static string Contains(string text) => "%" + Escape(text.Trim()) + "%";

    /// <summary>"text%": matches values that start with the text.</summary>
    public static string StartsWith(string text) => Escape(text.Trim()) + "%";

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
