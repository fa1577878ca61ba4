namespace Superapps.SharedKernel;

/// <summary>An action that changed something a user owns or relies on.</summary>
/// <param name="Module">The module that did it, e.g. <c>organization</c>.</param>
/// <param name="Action">What was done, e.g. <c>employee.created</c>.</param>
/// <param name="EntityType">The kind of record changed.</param>
/// <param name="EntityId">The record's id.</param>
/// <param name="Summary">One line a person can read.</param>
/// <param name="Data">Optional structured detail (serialised as JSON).</param>
public sealed record AuditEvent(string Module, string Action, string EntityType, string EntityId, string Summary, object? Data = null);

/// <summary>Records audit events, append-only. Implemented by the Audit building block.</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);
}

/// <summary>Who is acting now, as the host knows it (a signed-in user, a job, the seeder).</summary>
public interface ICurrentActor
{
    string? UserId { get; }

    string DisplayName { get; }

    string? IpAddress { get; }
}
