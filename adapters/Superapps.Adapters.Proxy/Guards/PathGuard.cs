namespace Superapps.Adapters.Proxy.Guards;

/// <summary>
/// Refuses paths that try to leave <c>/apps/{slug}/</c> on the app's side: dot segments, percent-encoded dots, slashes or
/// backslashes (which an app may decode after the proxy checked the path) and backslashes themselves.
/// </summary>
internal static class PathGuard
{
    private static readonly string[] EncodedEscapes = ["%2e", "%2f", "%5c", "%00"];

    /// <summary>Whether the request escapes its app. <paramref name="rawTarget"/> is the path as the client sent it; <paramref name="path"/> as decoded.</summary>
    public static bool Escapes(string slug, string rawTarget, string path)
    {
        var raw = rawTarget.Split('?', 2)[0];
        var prefix = $"/apps/{slug}";
        if (!raw.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || (raw.Length > prefix.Length && raw[prefix.Length] != '/'))
        {
            // Kestrel normalised the path into this app from somewhere else (e.g. /apps/other/../slug/).
            return true;
        }

        return HasEscapeSequences(raw) || HasEscapeSequences(path);
    }

    /// <summary>Whether a path holds a dot segment, a backslash, or a percent-encoded dot, slash, backslash or NUL.</summary>
    public static bool HasEscapeSequences(string path)
    {
        var text = path.Split('?', 2)[0];
        return text.Contains('\\', StringComparison.Ordinal)
            || EncodedEscapes.Any(e => text.Contains(e, StringComparison.OrdinalIgnoreCase))
            || text.Split('/').Any(segment => segment is "." or "..");
    }
}
