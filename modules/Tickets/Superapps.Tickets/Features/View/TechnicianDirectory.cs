using Microsoft.Extensions.Options;
using Superapps.Organization.Contracts;

namespace Superapps.Tickets.Features.View;

/// <summary>A technician to assign to: the employee id (what tickets store), name and position title.</summary>
public sealed record TechnicianOption(string UserId, string Name, string Title);

/// <summary>
/// The helpdesk OPD's technicians, for the lead's assignment: the holders of its positions whose title starts with
/// <see cref="TicketsOptions.TechnicianTitlePrefix"/>, read from the organisation directory (the teknisi role lives in Identity,
/// which this module does not read; the positions are what the demo and the city's chart name them by).
/// </summary>
public sealed class TechnicianDirectory(IOrganizationDirectory directory, IOptions<TicketsOptions> options)
{
    public async Task<IReadOnlyList<TechnicianOption>> ListAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var agency = (await directory.ListAgenciesAsync(cancellationToken)).FirstOrDefault(a => string.Equals(a.Code, settings.HelpdeskAgencyCode, StringComparison.OrdinalIgnoreCase));
        if (agency is null)
        {
            return [];
        }

        var positions = await directory.ListAgencyPositionsAsync(agency.AgencyId, cancellationToken);
        return [.. positions.Where(p => p.IsActive && p.Title.StartsWith(settings.TechnicianTitlePrefix, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Holders.Select(h => new TechnicianOption(h.EmployeeId.ToString(), h.Name, p.Title)))
            .DistinctBy(t => t.UserId).OrderBy(t => t.Title, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)];
    }
}
