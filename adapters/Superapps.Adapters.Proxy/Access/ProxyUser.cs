using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Superapps.SharedKernel;

namespace Superapps.Adapters.Proxy.Access;

/// <summary>What the proxy reads from the portal's user: who they are, their roles, and every OPD they act for (home, Plt, Plh).</summary>
internal sealed record ProxyUser(
    string Subject, string? Username, string? Name, string? Nip, Guid? AgencyId, IReadOnlyList<string> Roles, IReadOnlyList<Guid> AgencyIds)
{
    private static readonly object ItemKey = new();

    /// <summary>The request's user, read from its claims once per request (the access check and the identity transform both need it).</summary>
    public static ProxyUser? Of(HttpContext http)
    {
        if (http.Items.TryGetValue(ItemKey, out var known))
        {
            return known as ProxyUser;
        }

        var user = From(http.User);
        http.Items[ItemKey] = user;
        return user;
    }

    public static ProxyUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var subject = principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Concat(principal.FindAll(SuperappsClaimTypes.Role))
            .Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        Guid? home = Guid.TryParse(principal.FindFirstValue(SuperappsClaimTypes.AgencyId), out var id) ? id : null;
        var agencies = new List<Guid>();
        if (home is { } h)
        {
            agencies.Add(h);
        }

        foreach (var claim in principal.FindAll(SuperappsClaimTypes.Position))
        {
            if (PositionAgency(claim.Value) is { } agency && !agencies.Contains(agency))
            {
                agencies.Add(agency);
            }
        }

        var nip = principal.FindFirstValue(SuperappsClaimTypes.Nip);
        return new ProxyUser(subject, principal.FindFirstValue("preferred_username") ?? principal.Identity?.Name, principal.FindFirstValue("name"),
            string.IsNullOrWhiteSpace(nip) ? null : nip, home, roles, agencies);
    }

    /// <summary>The OPD of a position claim (a JSON object with <c>agencyId</c>); null when it cannot be read.</summary>
    private static Guid? PositionAgency(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals("agencyId") || property.Name.Equals("AgencyId", StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value.TryGetGuid(out var agency) ? agency : null;
                }
            }
        }
        catch (JsonException)
        {
            // A malformed position grants nothing.
        }

        return null;
    }
}
