using Superapps.Letters.Contracts;

namespace Superapps.Letters.Domain;

/// <summary>How much of a letter someone may see.</summary>
public enum AccessLevel
{
    None = 0,

    /// <summary>The agenda line only (number, date, sender, class): an OPD's registry clerk or admin for a restricted letter they are not named on.</summary>
    AgendaOnly = 1,

    /// <summary>Everything: the letter, its scan, its tree and history.</summary>
    Full = 2,
}

/// <summary>Who is looking: the positions they hold today (definitive, Plt, Plh), their OPD, and whether they keep its agenda.</summary>
public sealed record Viewer(Guid EmployeeId, string Name, Guid AgencyId, IReadOnlySet<Guid> PositionIds, bool KeepsAgenda)
{
    /// <summary>How each held position is shown when this person acts in it: "Plt. Kepala Dinas …" for an acting holder.</summary>
    public IReadOnlyDictionary<Guid, string> Titles { get; init; } = new Dictionary<Guid, string>();

    public Actor As(Guid positionId) => new(EmployeeId, Name, positionId, Titles.TryGetValue(positionId, out var title) ? title : string.Empty);
}

/// <summary>
/// The visibility rule. A Biasa letter is visible to its recipients, everyone on its disposition chain, and its OPD's
/// agenda keepers (registry clerks and admins). Terbatas, Rahasia and Sangat Rahasia letters are visible only to the
/// positions named on it (recipients and the chain); agenda keepers see their agenda line. Nobody else sees anything,
/// whatever URL they type.
/// </summary>
public static class LetterAccess
{
    /// <param name="importedChain">
    /// For a letter imported from a legacy system: the positions the people on its legacy dispositions held when it was imported.
    /// They stand for the disposition chain, so an imported letter is read by exactly those a native one would be.
    /// </param>
    public static AccessLevel For(Viewer viewer, Letter letter, IEnumerable<LetterRecipient> recipients, DispositionTree tree,
        IEnumerable<Guid>? importedChain = null) =>
        For(viewer, letter.AgencyId, letter.SecurityClass, recipients.Select(r => r.PositionId).Concat(tree.PositionsOnChain).Concat(importedChain ?? []));

    /// <summary>The rule on its own: the positions named on a letter, the OPD that holds it and its class.</summary>
    public static AccessLevel For(Viewer viewer, Guid agencyId, SecurityClass securityClass, IEnumerable<Guid> namedPositions)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (namedPositions.Any(viewer.PositionIds.Contains))
        {
            return AccessLevel.Full;
        }

        if (viewer.KeepsAgenda && viewer.AgencyId == agencyId)
        {
            return securityClass == SecurityClass.Biasa ? AccessLevel.Full : AccessLevel.AgendaOnly;
        }

        return AccessLevel.None;
    }

    /// <summary>Views of restricted letters are recorded in the letter's history and the audit trail.</summary>
    public static bool ViewsAreLogged(SecurityClass securityClass) => securityClass != SecurityClass.Biasa;
}
