using System.Security.Claims;
using Superapps.Organization.Domain;
using Superapps.SharedKernel;

namespace Superapps.Organization.Features.Administration;

/// <summary>
/// Whose records an administrator may change: a system administrator the whole city, an Admin OPD only their own OPD.
/// </summary>
public sealed record AdminScope(bool CityWide, Guid? AgencyId)
{
    public static AdminScope City { get; } = new(true, null);

    public static AdminScope From(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Administrator))
        {
            return City;
        }

        return user.IsInRole(Roles.AgencyAdministrator) && Guid.TryParse(user.FindFirstValue(SuperappsClaimTypes.AgencyId), out var agencyId)
            ? new AdminScope(false, agencyId)
            : new AdminScope(false, null);
    }

    public bool Covers(Guid agencyId) => CityWide || AgencyId == agencyId;

    public void Demand(Guid agencyId)
    {
        if (!Covers(agencyId))
        {
            throw new DomainRuleException(OrganizationErrors.OutsideScope);
        }
    }

    public void DemandCityWide()
    {
        if (!CityWide)
        {
            throw new DomainRuleException(OrganizationErrors.CityAdministratorOnly);
        }
    }
}
