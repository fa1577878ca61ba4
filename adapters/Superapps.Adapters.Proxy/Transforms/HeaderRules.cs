namespace Superapps.Adapters.Proxy.Transforms;

/// <summary>What of the browser's request never reaches a legacy app: spoofable identity headers and the portal's own cookies.</summary>
internal static class HeaderRules
{
    public const string IdentityHeaderPrefix = "X-Superapps-";

    /// <summary>Any header named X-Superapps-* (any case) is the proxy's to set; a client's own is dropped.</summary>
    public static bool IsIdentityHeader(string name) => name.StartsWith(IdentityHeaderPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a cookie name is (or collides with) one of the portal's own cookies.</summary>
    public static bool IsPortalCookie(string name, IEnumerable<string> portalPrefixes) =>
        portalPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>The <c>Cookie</c> header without the portal's cookies; null when nothing is left.</summary>
    public static string? FilterCookieHeader(IEnumerable<string?> cookieHeaders, IReadOnlyCollection<string> portalPrefixes)
    {
        var headers = cookieHeaders.Where(h => !string.IsNullOrEmpty(h)).ToList();
        if (headers.Count == 1 && !MayHoldPortalCookie(headers[0]!, portalPrefixes))
        {
            // The common case: one header and none of the portal's cookies in it (the portal's cookies would be there for a signed-in
            // user, so this is mostly apps' own cookies on public routes): kept as sent, trimmed like the rest.
            var only = headers[0]!.Trim().TrimEnd(';').Trim();
            return only.Length == 0 ? null : only;
        }

        var kept = headers
            .SelectMany(h => h!.Split(';'))
            .Select(pair => pair.Trim())
            .Where(pair => pair.Length > 0)
            .Where(pair => !IsPortalCookie(pair.Split('=', 2)[0].Trim(), portalPrefixes))
            .ToList();
        return kept.Count == 0 ? null : string.Join("; ", kept);
    }

    /// <summary>Whether a cookie header might hold one of the portal's cookies (a cheap scan; false means certainly not).</summary>
    private static bool MayHoldPortalCookie(string header, IEnumerable<string> portalPrefixes) =>
        portalPrefixes.Any(p => header.Contains(p, StringComparison.OrdinalIgnoreCase));
}
