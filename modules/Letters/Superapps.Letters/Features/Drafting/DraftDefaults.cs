using Superapps.Letters.Domain.Drafting;
using Superapps.Organization.Contracts;

namespace Superapps.Letters.Features.Drafting;

/// <summary>Computes a new draft's default review chain from the organisation directory (<see cref="DraftTemplates.DefaultChain"/>).</summary>
public sealed class DraftDefaults(IOrganizationDirectory directory)
{
    public async Task<(IReadOnlyList<ChainPosition> Reviewers, ChainPosition? Signer)> ChainAsync(Guid drafterPositionId, LetterKind kind, bool leavesAgency,
        CancellationToken cancellationToken = default)
    {
        if (await directory.GetPositionAsync(drafterPositionId, cancellationToken) is not { } drafter)
        {
            return ([], null);
        }

        var superiors = new List<ChainCandidate>();
        foreach (var position in await directory.ListAgencyPositionsAsync(drafter.AgencyId, cancellationToken))
        {
            if (position.PositionId != drafterPositionId && position.Level <= drafter.Level
                && await directory.IsBelowAsync(position.PositionId, drafterPositionId, cancellationToken))
            {
                superiors.Add(Candidate(position));
            }
        }

        return DraftTemplates.DefaultChain(kind, Candidate(drafter), superiors, leavesAgency);
    }

    private static ChainCandidate Candidate(PositionInfo p) => new(p.PositionId, p.Title, p.Level, p.IsHeadOfAgency);
}
