using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Data;
using Superapps.SharedKernel;

namespace Superapps.AppCatalog.Features.Launcher;

/// <summary>A launcher tile: where it leads, whether in a new tab (the app's own URL), and whether the app is being retired.</summary>
public sealed record AppTile(string Slug, string Name, string OwnerAgencyName, string Href, bool NewTab, bool Retiring);

/// <summary>Who opens the launcher: signed in or not, their roles, and their OPDs (home OPD and every OPD of a held position, Plt/Plh included).</summary>
public sealed record LauncherUser(bool SignedIn, IReadOnlyList<string> Roles, IReadOnlyList<Guid> AgencyIds)
{
    public static LauncherUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var roles = principal.Claims.Where(c => c.Type == ClaimTypes.Role || c.Type == SuperappsClaimTypes.Role).Select(c => c.Value).Distinct().ToList();
        var agencies = new HashSet<Guid>();
        if (Guid.TryParse(principal.FindFirstValue(SuperappsClaimTypes.AgencyId), out var home))
        {
            agencies.Add(home);
        }

        foreach (var position in principal.FindAll(SuperappsClaimTypes.Position))
        {
            try
            {
                using var json = JsonDocument.Parse(position.Value);
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("agencyId", out var agency)
                    && agency.ValueKind == JsonValueKind.String && agency.TryGetGuid(out var id))
                {
                    agencies.Add(id);
                }
            }
            catch (JsonException)
            {
                // A malformed position grants nothing.
            }
        }

        return new LauncherUser(principal.Identity?.IsAuthenticated == true, roles, [.. agencies]);
    }
}

/// <summary>
/// The tiles of the home page's "Aplikasi" widget: every app the user may open (<see cref="AppAccess.Allows"/>) that can be opened: proxied
/// apps under <c>/apps/{slug}/</c>, others by their own URL in a new tab. Retired apps are not shown; retiring apps carry a badge.
/// </summary>
public sealed class LauncherTiles(IDbContextFactory<AppCatalogDbContext> contexts)
{
    public async Task<IReadOnlyList<AppTile>> ForAsync(LauncherUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var apps = await db.Apps.AsNoTracking().Where(a => a.Status != AppStatus.Retired && (a.Upstream != null || a.Url != null))
            .OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return [.. apps.Where(a => a.Access.Allows(user.SignedIn, user.Roles, user.AgencyIds))
            .Select(a => (App: a, Proxied: a.Upstream is not null && a.Status is AppStatus.Proxied or AppStatus.Retiring))
            .Where(x => x.Proxied || x.App.Url is not null)
            .Select(x => new AppTile(x.App.Slug, x.App.Name, x.App.OwnerAgencyName, x.Proxied ? $"/apps/{x.App.Slug}/" : x.App.Url!, !x.Proxied,
                x.App.Status == AppStatus.Retiring))];
    }
}
