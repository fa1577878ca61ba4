using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Organization.Domain;

/// <summary>A position (jabatan) in the reports-to hierarchy. Held by at most one employee at a time.</summary>
public sealed class Position
{
    private Position()
    {
    }

    public Position(Guid id, Guid agencyId, Guid? unitId, string title, PositionLevel level, Guid? reportsToId, bool isHeadOfAgency = false)
    {
        Id = id;
        AgencyId = agencyId;
        UnitId = unitId;
        Level = level;
        Rename(title);
        ReportsToId = reportsToId;
        IsHeadOfAgency = isHeadOfAgency;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid? UnitId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public PositionLevel Level { get; private set; }

    public Guid? ReportsToId { get; private set; }

    /// <summary>The head of the OPD (Kepala Dinas, Camat, Lurah...): incoming letters go here by default.</summary>
    public bool IsHeadOfAgency { get; private set; }

    public bool IsActive { get; private set; }

    public uint Version { get; private set; }

    public void Rename(string title)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > 250)
        {
            throw new DomainRuleException(OrganizationErrors.PositionTitle);
        }

        Title = title.Trim();
    }

    public void MoveTo(Guid agencyId, Guid? unitId, PositionLevel level, bool isHeadOfAgency)
    {
        AgencyId = agencyId;
        UnitId = unitId;
        Level = level;
        IsHeadOfAgency = isHeadOfAgency;
    }

    /// <summary>Sets the superior, after <see cref="Hierarchy.CheckReportsTo"/> accepted it.</summary>
    internal void ReportTo(Guid? superiorId) => ReportsToId = superiorId;

    public void Deactivate() => IsActive = false;
}
