using System.Security.Claims;
using Superapps.Letters.Domain;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Desk;

/// <summary>Builds a <see cref="Viewer"/> from the organisation directory, fresh for each request: a Plt assigned this morning counts now.</summary>
public sealed class Viewers(IOrganizationDirectory directory)
{
    /// <summary>The signed-in user as a viewer: their employee record and, from their roles, whether they keep their OPD's agenda.</summary>
    public Task<Viewer?> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        Guid.TryParse(user.FindFirstValue(SuperappsClaimTypes.EmployeeId), out var employeeId)
            ? ForAsync(employeeId, user.IsInRole(Roles.RegistryClerk) || user.IsInRole(Roles.AgencyAdministrator), cancellationToken)
            : Task.FromResult<Viewer?>(null);

    /// <param name="keepsAgenda">The user is their OPD's registry clerk or admin (from their roles).</param>
    public async Task<Viewer?> ForAsync(Guid employeeId, bool keepsAgenda, CancellationToken cancellationToken = default)
    {
        if (await directory.GetEmployeeAsync(employeeId, cancellationToken) is not { IsActive: true } profile)
        {
            return null;
        }

        return new Viewer(profile.EmployeeId, profile.Name, profile.AgencyId, profile.Positions.Select(p => p.PositionId).ToHashSet(), keepsAgenda)
        {
            Titles = profile.Positions.GroupBy(p => p.PositionId).ToDictionary(g => g.Key, g => g.First().DisplayTitle),
        };
    }
}
