namespace Superapps.Adapters.Proxy.Guards;

/// <summary>
/// Refuses paths that try to leave <c>/apps/{slug}/</c> on the app's side: dot segments, percent-encoded dots, slashes or
/// backslashes (which an app may decode after the proxy checked the path) and backslashes themselves. Runs on every request:
/// it reads spans and allocates nothing.
/// </summary>
internal static class PathGuard
{
    private const string AppsPrefix = "/apps/";

    /// <summary>Whether the request escapes its app. <paramref name="rawTarget"/> is the path as the client sent it; <paramref name="path"/> as decoded.</summary>
    public static bool Escapes(string slug, string rawTarget, string path)
    {
        var raw = PathOf(rawTarget);
        // Kestrel normalised the path into this app from somewhere else (e.g. /apps/other/../slug/) when the raw path is not under it.
        if (!raw.StartsWith(AppsPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var rest = raw[AppsPrefix.Length..];
        if (!rest.StartsWith(slug, StringComparison.OrdinalIgnoreCase) || (rest.Length > slug.Length && rest[slug.Length] != '/'))
        {
            return true;
        }

        return HasEscapeSequences(raw) || HasEscapeSequences(path);
    }

    /// <summary>Whether a path holds a dot segment, a backslash, or a percent-encoded dot, slash, backslash or NUL.</summary>
    public static bool HasEscapeSequences(string path) => HasEscapeSequences(PathOf(path));

    private static bool HasEscapeSequences(ReadOnlySpan<char> text)
    {
        if (text.Contains('\\'))
        {
            return true;
        }

        // Any of %2e, %2f, %5c, %00 (any case).
        for (var i = text.IndexOf('%'); i >= 0 && i + 2 < text.Length; i = NextPercent(text, i))
        {
            var (high, low) = (text[i + 1], char.ToLowerInvariant(text[i + 2]));
            if ((high == '2' && low is 'e' or 'f') || (high == '5' && low == 'c') || (high == '0' && low == '0'))
            {
                return true;
            }
        }

        // A "." or ".." segment.
        foreach (var range in text.Split('/'))
        {
            var segment = text[range];
            if (segment is "." or "..")
            {
                return true;
            }
        }

        return false;
    }

    private static int NextPercent(ReadOnlySpan<char> text, int at)
    {
        var next = text[(at + 1)..].IndexOf('%');
        return next < 0 ? -1 : at + 1 + next;
    }

    private static ReadOnlySpan<char> PathOf(string target)
    {
        var query = target.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? target : target.AsSpan(0, query);
    }
}
