using Microsoft.Extensions.Options;
using Superapps.Organization.Contracts;

namespace Superapps.Tickets.Features.Sla;

/// <summary>
/// The helpdesk lead(s) and the head of Diskominfo, found in the organisation chart through the settings
/// <see cref="TicketsOptions.HelpdeskAgencyCode"/> and <see cref="SlaEscalationOptions"/>: the OPD by its code, the lead by the title of their position there, the head by the OPD's
/// head position. Acting holders (Plt, Plh) count.
/// </summary>
public sealed class SlaRecipients(IOrganizationDirectory directory, IOptions<TicketsOptions> options)
{
    private (IReadOnlyList<Guid> Leads, IReadOnlyList<Guid> Heads)? _found;

    /// <summary>Who holds the helpdesk lead's position; empty when the chart has no such position or nobody holds it.</summary>
    public async Task<IReadOnlyList<Guid>> LeadsAsync(CancellationToken cancellationToken = default) => (await FindAsync(cancellationToken)).Leads;

    /// <summary>Who holds the head position of the helpdesk's OPD.</summary>
    public async Task<IReadOnlyList<Guid>> HeadsAsync(CancellationToken cancellationToken = default) => (await FindAsync(cancellationToken)).Heads;

    private async Task<(IReadOnlyList<Guid> Leads, IReadOnlyList<Guid> Heads)> FindAsync(CancellationToken cancellationToken)
    {
        if (_found is { } found)
        {
            return found;
        }

        var settings = options.Value.Escalation;
        var agency = (await directory.ListAgenciesAsync(cancellationToken))
            .FirstOrDefault(a => string.Equals(a.Code, options.Value.HelpdeskAgencyCode, StringComparison.OrdinalIgnoreCase));
        if (agency is null)
        {
            _found = ([], []);
            return _found.Value;
        }

        var positions = await directory.ListAgencyPositionsAsync(agency.AgencyId, cancellationToken);
        var leads = positions.Where(p => string.Equals(p.Title.Trim(), settings.LeadPositionTitle.Trim(), StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Holders).Select(h => h.EmployeeId).Distinct().ToList();
        var heads = positions.Where(p => p.IsHeadOfAgency).SelectMany(p => p.Holders).Select(h => h.EmployeeId).Distinct().ToList();
        _found = (leads, heads);
        return _found.Value;
    }
}
