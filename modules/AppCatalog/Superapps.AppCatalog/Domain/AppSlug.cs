using System.Text.RegularExpressions;

namespace Superapps.AppCatalog.Domain;

/// <summary>An app's path segment under <c>/apps/</c> and <c>/aplikasi/</c>: lowercase letters, digits and single hyphens between them.</summary>
public static partial class AppSlug
{
    public const int MaxLength = 60;

    public static bool IsValid(string? slug) => slug is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>Where a retired app's old URLs may lead: a path inside the portal, never another site and never back under the proxy.</summary>
public static class ReplacementPath
{
    public const int MaxLength = 300;

    public static bool IsValid(string? path)
    {
        if (path is not { Length: > 0 and <= MaxLength } || path[0] != '/' || (path.Length > 1 && path[1] is '/' or '\\'))
        {
            return false;
        }

        if (path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\'))
        {
            return false;
        }

        var pathOnly = path.Split('?', '#')[0];
        if (pathOnly.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        var lower = pathOnly.ToLowerInvariant();
        return lower != "/apps" && !lower.StartsWith("/apps/", StringComparison.Ordinal);
    }
}
