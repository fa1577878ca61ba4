namespace Superapps.Tickets.Contracts;

/// <summary>A network site as other modules may see it.</summary>
/// <param name="Id">The site's id.</param>
/// <param name="Code">Its short code, unique in the city (e.g. <c>KEL-TELANAI</c>).</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">What it is.</param>
/// <param name="AgencyId">The owning OPD (Organization module).</param>
/// <param name="AgencyName">The owning OPD's name when the site was last saved.</param>
/// <param name="NetworkNodeId">The network node it hangs off.</param>
public sealed record SiteSummary(Guid Id, string Code, string Name, SiteKind Kind, Guid AgencyId, string AgencyName, Guid NetworkNodeId);

/// <summary>Reads the network sites register: which sites an OPD owns and which sites share an uplink.</summary>
public interface INetworkSites
{
    /// <summary>Every active site behind <paramref name="nodeId"/>: hanging off it or off any node below it.</summary>
    Task<IReadOnlyList<SiteSummary>> SitesBehindNodeAsync(Guid nodeId, CancellationToken cancellationToken = default);

    /// <summary>The active sites of one OPD, by name.</summary>
    Task<IReadOnlyList<SiteSummary>> SitesOfAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default);
}
