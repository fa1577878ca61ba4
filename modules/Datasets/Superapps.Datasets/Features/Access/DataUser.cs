using System.Security.Claims;
using Superapps.Datasets.Features.Uploads;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.Access;

/// <summary>
/// The signed-in user as the Datasets module sees them: the employee (Organization module) recorded as uploader or reviewer,
/// their OPD (a data operator uploads only its datasets), and the capacities their roles give (<see cref="DatasetsPortalModule"/>).
/// </summary>
public sealed record DataUser(Guid EmployeeId, string Name, Guid? AgencyId, bool IsCustodian, bool IsOperator, bool IsLeader)
{
    /// <summary>The user, or null when they are not an employee (no <c>employee_id</c> claim).</summary>
    public static DataUser? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!Guid.TryParse(user.FindFirstValue(SuperappsClaimTypes.EmployeeId), out var employeeId))
        {
            return null;
        }

        var name = user.FindFirstValue("name") ?? user.FindFirstValue(ClaimTypes.Name) ?? user.Identity?.Name ?? employeeId.ToString();
        Guid? agencyId = Guid.TryParse(user.FindFirstValue(SuperappsClaimTypes.AgencyId), out var agency) ? agency : null;
        return new DataUser(employeeId, name, agencyId, user.IsInRole(Roles.DataCustodian) || user.IsInRole(Roles.Administrator),
            user.IsInRole(Roles.DataOperator) || user.IsInRole(Roles.DataCustodian), user.IsInRole(Roles.Leader));
    }

    /// <summary>As an uploader for their OPD; null when they belong to none.</summary>
    public Uploader? AsUploader() => AgencyId is { } agency ? new Uploader(EmployeeId, Name, agency) : null;
}
