using System.Security.Claims;
using System.Text.Json;
using Superapps.SharedKernel;

namespace Superapps.Portal.Authentication;

/// <summary>The signed-in civil servant as the portal shows them: name, NIP, OPD, positions (Plt/Plh included).</summary>
public sealed record PortalUser(string Name, string? Nip, string? Agency, IReadOnlyList<PortalPosition> Positions)
{
    public PortalPosition? Primary => Positions.Count > 0 ? Positions[0] : null;

    public static PortalUser From(ClaimsPrincipal principal)
    {
        var positions = principal.FindAll(SuperappsClaimTypes.Position)
            .Select(c => JsonSerializer.Deserialize<PortalPosition>(c.Value, Json)!)
            .ToList();
        return new PortalUser(principal.FindFirstValue("name") ?? principal.Identity?.Name ?? "?", principal.FindFirstValue(SuperappsClaimTypes.Nip),
            principal.FindFirstValue(SuperappsClaimTypes.AgencyName), positions);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

public sealed record PortalPosition(Guid Id, string Title, string DisplayTitle, int Level, Guid AgencyId, string Agency, string Kind, DateOnly? Until);
