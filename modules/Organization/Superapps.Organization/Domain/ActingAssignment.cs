using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Organization.Domain;

/// <summary>
/// A Plt (acting while vacant) or Plh (daily stand-in) assignment: an employee holds another
/// position, with its authority to dispose and sign, from <see cref="Start"/> to <see cref="End"/> inclusive (WIB dates).
/// </summary>
public sealed class ActingAssignment
{
    /// <summary>An assignment runs at most three months; a longer one is a new assignment (an extension).</summary>
    public const int MaximumMonths = 3;

    private ActingAssignment()
    {
    }

    private ActingAssignment(Guid id, Guid employeeId, Guid positionId, HoldingKind kind, DateOnly start, DateOnly end, string? decreeNumber)
    {
        Id = id;
        EmployeeId = employeeId;
        PositionId = positionId;
        Kind = kind;
        Start = start;
        End = end;
        DecreeNumber = decreeNumber;
    }

    public Guid Id { get; private set; }

    public Guid EmployeeId { get; private set; }

    public Guid PositionId { get; private set; }

    public HoldingKind Kind { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly End { get; private set; }

    /// <summary>The number of the surat perintah that appointed the Plt/Plh.</summary>
    public string? DecreeNumber { get; private set; }

    public bool IsCancelled { get; private set; }

    public bool IsActiveOn(DateOnly date) => !IsCancelled && Start <= date && date <= End;

    public bool Overlaps(DateOnly start, DateOnly end) => !IsCancelled && Start <= end && start <= End;

    public void Cancel() => IsCancelled = true;

    /// <summary>
    /// Creates an assignment after checking its window, the rank of the holder and overlaps.
    /// </summary>
    /// <param name="holderLevel">The level of the holder's own position, or null if they hold none.</param>
    /// <param name="target">The position to act for.</param>
    /// <param name="targetHolderId">Who holds the target position definitively now, if anyone.</param>
    /// <param name="existing">Other assignments for the same position.</param>
    public static ActingAssignment Create(
        Guid id,
        Guid employeeId,
        PositionLevel? holderLevel,
        Position target,
        Guid? targetHolderId,
        HoldingKind kind,
        DateOnly start,
        DateOnly end,
        string? decreeNumber,
        IEnumerable<ActingAssignment> existing)
    {
        var errors = new List<UserError>();
        if (kind == HoldingKind.Definitive)
        {
            errors.Add(OrganizationErrors.ActingKind);
        }

        if (end < start)
        {
            errors.Add(OrganizationErrors.ActingWindowReversed);
        }
        else if (end > start.AddMonths(MaximumMonths))
        {
            errors.Add(OrganizationErrors.ActingWindowTooLong);
        }

        if (targetHolderId == employeeId)
        {
            errors.Add(OrganizationErrors.ActingOwnPosition);
        }

        if (kind == HoldingKind.Plt && targetHolderId is not null)
        {
            errors.Add(OrganizationErrors.PltNeedsVacancy);
        }

        if (kind == HoldingKind.Plh && targetHolderId is null)
        {
            errors.Add(OrganizationErrors.PlhNeedsHolder);
        }

        // Plt and Plh come from the same rank or one rank below (SE Kepala BKN 1/2021).
        if (holderLevel is null || holderLevel < target.Level || holderLevel > target.Level + 1)
        {
            errors.Add(OrganizationErrors.ActingRank);
        }

        if (existing.Any(a => a.PositionId == target.Id && a.Overlaps(start, end)))
        {
            errors.Add(OrganizationErrors.ActingOverlap);
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        return new ActingAssignment(id, employeeId, target.Id, kind, start, end, string.IsNullOrWhiteSpace(decreeNumber) ? null : decreeNumber.Trim());
    }
}
