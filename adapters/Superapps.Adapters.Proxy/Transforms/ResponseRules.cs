namespace Superapps.Adapters.Proxy.Transforms;

/// <summary>What the proxy does with an app's redirect.</summary>
internal enum LocationAction
{
    Keep,
    Rewrite,
    Foreign,
}

/// <summary>
/// Confinement of an app's answers to <c>/apps/{slug}/</c>: its redirects stay inside the portal (or go to the identity server, for
/// apps that sign users in by OIDC), its cookies stay under its path and never touch the portal's.
/// </summary>
internal static class ResponseRules
{
    /// <summary>
    /// A redirect to the app's own origin is rewritten under <c>/apps/{slug}/</c>; a rooted path the app did not prefix itself is
    /// prefixed; a relative one is kept; the portal's own origin and the identity server's are allowed; any other host is foreign.
    /// </summary>
    public static (LocationAction Action, string? Location) Location(string location, string slug, Uri upstream, Uri? portalOrigin, Uri? identity)
    {
        var prefix = $"/apps/{slug}";
        if (location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.StartsWith("/\\", StringComparison.Ordinal))
        {
            return IsUnder(location, prefix) ? (LocationAction.Keep, location) : (LocationAction.Rewrite, prefix + location);
        }

        var absoluteText = location.StartsWith("//", StringComparison.Ordinal) ? upstream.Scheme + ":" + location : location;
        if (!Uri.TryCreate(absoluteText, UriKind.Absolute, out var target) || location.Contains('\\', StringComparison.Ordinal))
        {
            // A relative reference ("edit?id=1", "../list") resolves under the app's own path in the browser.
            return location.Contains(':', StringComparison.Ordinal) || location.Contains('\\', StringComparison.Ordinal)
                ? (LocationAction.Foreign, null)
                : (LocationAction.Keep, location);
        }

        if (target.Scheme is not ("http" or "https"))
        {
            return (LocationAction.Foreign, null);
        }

        if (SameOrigin(target, upstream))
        {
            var basePath = upstream.AbsolutePath.TrimEnd('/');
            var path = target.AbsolutePath;
            if (basePath.Length > 0 && path.StartsWith(basePath, StringComparison.Ordinal))
            {
                path = path[basePath.Length..];
            }

            return (LocationAction.Rewrite, prefix + (path.StartsWith('/') ? path : "/" + path) + target.Query + target.Fragment);
        }

        if ((portalOrigin is not null && SameOrigin(target, portalOrigin)) || (identity is not null && SameOrigin(target, identity)))
        {
            return (LocationAction.Keep, location);
        }

        return (LocationAction.Foreign, null);
    }

    /// <summary>
    /// An app's <c>Set-Cookie</c> with its <c>Domain</c> removed and its <c>Path</c> confined under <c>/apps/{slug}/</c>; null when the cookie's
    /// name collides with the portal's own cookies (it is dropped).
    /// </summary>
    public static string? SetCookie(string setCookie, string slug, IReadOnlyCollection<string> portalPrefixes)
    {
        var parts = setCookie.Split(';');
        var name = parts[0].Split('=', 2)[0].Trim();
        if (name.Length == 0 || HeaderRules.IsPortalCookie(name, portalPrefixes)
            || name.StartsWith("__Host-", StringComparison.OrdinalIgnoreCase))
        {
            // __Host- cookies must have Path=/ and would reach the whole portal: they cannot be confined.
            return null;
        }

        var prefix = $"/apps/{slug}";
        var attributes = new List<string> { parts[0].Trim() };
        var hasPath = false;
        foreach (var raw in parts.Skip(1))
        {
            var attribute = raw.Trim();
            var key = attribute.Split('=', 2)[0].Trim();
            if (key.Equals("Domain", StringComparison.OrdinalIgnoreCase) || attribute.Length == 0)
            {
                continue;
            }

            if (key.Equals("Path", StringComparison.OrdinalIgnoreCase))
            {
                var path = attribute.Contains('=', StringComparison.Ordinal) ? attribute.Split('=', 2)[1].Trim() : "/";
                attributes.Add("Path=" + ConfinePath(path, prefix));
                hasPath = true;
                continue;
            }

            attributes.Add(attribute);
        }

        if (!hasPath)
        {
            attributes.Add($"Path={prefix}/");
        }

        return string.Join("; ", attributes);
    }

    private static string ConfinePath(string path, string prefix)
    {
        if (!path.StartsWith('/') || path == "/")
        {
            return prefix + "/";
        }

        if (IsUnder(path, prefix))
        {
            return path == prefix ? prefix + "/" : path;
        }

        return prefix + path;
    }

    private static bool IsUnder(string path, string prefix) =>
        path.Equals(prefix, StringComparison.OrdinalIgnoreCase)
        || (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && path.Length > prefix.Length && path[prefix.Length] is '/' or '?' or '#');

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme.Equals(b.Scheme, StringComparison.OrdinalIgnoreCase) && a.IdnHost.Equals(b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
