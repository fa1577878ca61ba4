using Superapps.SharedKernel;

namespace Superapps.Organization.Domain;

/// <summary>Rules of the reports-to hierarchy.</summary>
public static class Hierarchy
{
    /// <summary>
    /// Checks that <paramref name="position"/> may report to <paramref name="superior"/>: the superior
    /// ranks higher, and the chain above the superior never reaches the position again (no cycle).
    /// </summary>
    /// <param name="reportsTo">Every position's superior, by id.</param>
    public static void CheckReportsTo(Position position, Position? superior, IReadOnlyDictionary<Guid, Guid?> reportsTo)
    {
        if (superior is null)
        {
            return;
        }

        if (superior.Id == position.Id)
        {
            throw new DomainRuleException(OrganizationErrors.ReportsToSelf);
        }

        var seen = new HashSet<Guid> { position.Id };
        Guid? current = superior.Id;
        while (current is { } id)
        {
            if (!seen.Add(id))
            {
                throw new DomainRuleException(OrganizationErrors.ReportsToCycle);
            }

            current = reportsTo.TryGetValue(id, out var next) ? next : null;
        }

        if (superior.Level >= position.Level)
        {
            throw new DomainRuleException(OrganizationErrors.ReportsToRank);
        }
    }

    /// <summary>True when <paramref name="subordinateId"/> is anywhere below <paramref name="superiorId"/>.</summary>
    public static bool IsBelow(Guid superiorId, Guid subordinateId, IReadOnlyDictionary<Guid, Guid?> reportsTo)
    {
        var seen = new HashSet<Guid>();
        Guid? current = reportsTo.TryGetValue(subordinateId, out var first) ? first : null;
        while (current is { } id && seen.Add(id))
        {
            if (id == superiorId)
            {
                return true;
            }

            current = reportsTo.TryGetValue(id, out var next) ? next : null;
        }

        return false;
    }
}
